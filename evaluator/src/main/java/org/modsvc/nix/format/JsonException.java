package org.modsvc.nix.format;

/**
 * {@code builtins.fromJSON} input that Nix rejects. The message has the shape of Nix's (which are
 * nlohmann::json's), e.g. {@code [json.exception.parse_error.101] parse error at line 1, column 4: syntax
 * error while parsing value - unexpected ']'; expected '[', '{', or a literal}, or exactly Nix's text for
 * integer overflow and NUL characters.
 */
public final class JsonException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public JsonException(String message) {
    super(message);
  }
}
