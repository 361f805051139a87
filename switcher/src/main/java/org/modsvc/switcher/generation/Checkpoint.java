package org.modsvc.switcher.generation;

/**
 * Called after every step that changes disk ({@code "write /etc/…"}, {@code "generation 3
 * created"}, {@code "current -> 3"}, …). Production passes {@link #NONE}; tests throw from it to
 * simulate a crash (kill -9) at that exact point and then check that the next run completes the
 * switch.
 */
@FunctionalInterface
public interface Checkpoint {

  Checkpoint NONE = step -> {};

  void reached(String step);
}
