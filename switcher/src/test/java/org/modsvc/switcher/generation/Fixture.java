package org.modsvc.switcher.generation;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.modsvc.switcher.store.StoreContent;
import org.modsvc.switcher.store.StorePath;

/** A system-mode switcher under a temporary root with a fixed clock, and small desired states. */
final class Fixture {

  static final String UNITS = "/etc/systemd/system/";
  static final String DATA = "/etc/system-services/";

  final Path root;
  final Layout layout;
  final GenerationSwitcher switcher;

  Fixture(Path root, Checkpoint checkpoint) {
    this.root = root;
    this.layout = Layout.system(root);
    this.switcher =
        new GenerationSwitcher(
            layout, Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC), checkpoint);
  }

  Fixture(Path root) {
    this(root, Checkpoint.NONE);
  }

  Path disk(String hostPath) {
    return root.resolve(hostPath.substring(1));
  }

  static DesiredFile unit(String name, String body) {
    return DesiredFile.Regular.text(UNITS + name, body, 0644);
  }

  static DesiredFile wants(String target, String unit) {
    return DesiredFile.Symlink.of(UNITS + target + ".wants/" + unit, "../" + unit);
  }

  StorePath storeText(String name, String text) throws IOException {
    return switcher.store().add(name, StoreContent.text(text));
  }

  DesiredFile configData(String rel, StorePath entry) {
    return DesiredFile.Symlink.of(DATA + rel, switcher.store().hostPath(entry).value());
  }

  static DesiredState state(DesiredFile... files) {
    return DesiredState.of(List.of(files), Set.of(), Map.of());
  }

  ApplyReport switchTo(DesiredState desired, boolean force) throws IOException {
    try (SwitchLock lock = switcher.lock()) {
      return switcher.switchFiles(lock, desired, force);
    }
  }

  ApplyReport switchTo(DesiredState desired) throws IOException {
    return switchTo(desired, false);
  }
}
