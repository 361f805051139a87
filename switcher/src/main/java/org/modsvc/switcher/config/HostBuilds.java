package org.modsvc.switcher.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import org.modsvc.nix.store.EvalStore;
import org.modsvc.switcher.generation.Layout;
import org.modsvc.switcher.pkgs.HostBuilder;
import org.modsvc.switcher.store.Store;
import org.modsvc.switcher.store.StorePath;

/**
 * The builder of one evaluation's trivial builders, placed by the mode's layout: builds run in
 * {@code <state>/builds}, outputs are cached in {@link Layout#buildCacheDir()}, and a build's
 * inputs are written into the mode's store before it runs (they are content-addressed, so writing
 * them early changes nothing a generation sees; the garbage collector removes them when no
 * generation needs them).
 */
final class HostBuilds {
  /**
   * nixpkgs' trivial builders take seconds; a script that hangs is stopped well before anyone waits
   * long.
   */
  static final Duration TIMEOUT = Duration.ofMinutes(5);

  private HostBuilds() {}

  static HostBuilder of(Layout layout, EvalStore evalStore) {
    return of(layout, evalStore, TIMEOUT);
  }

  static HostBuilder of(Layout layout, EvalStore evalStore, Duration timeout) {
    Store store = new Store(layout.storeDir(), layout.root());
    try {
      // directories resolved inside --root (a link on the way must not lead a build's output out of
      // it)
      return HostBuilder.create(
          new HostBuilder.Settings(
              layout.storeDir().toString(),
              layout.dirOnDisk(layout.storeDir()),
              layout.dirOnDisk(layout.stateDir().resolve("builds")),
              layout.dirOnDisk(layout.buildCacheDir()),
              timeout,
              paths -> {
                Deque<StorePath> todo = new ArrayDeque<>();
                for (String p : paths) todo.addAll(store.namedIn(p));
                StoreObjects.writeClosure(evalStore.objects(), store, todo);
              }));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
