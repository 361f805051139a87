package org.modsvc.switcher.generation;

/**
 * A generation, manifest or pending record that cannot be read or used; the message names the file.
 */
public class GenerationException extends RuntimeException {

  public GenerationException(String message) {
    super(message);
  }

  public GenerationException(String message, Throwable cause) {
    super(message, cause);
  }
}
