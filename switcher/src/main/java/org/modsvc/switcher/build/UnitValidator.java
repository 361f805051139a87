package org.modsvc.switcher.build;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.modsvc.switcher.unit.ExecLine;
import org.modsvc.switcher.unit.UnitFileText;
import org.modsvc.switcher.unit.UnitKeyTable;
import org.modsvc.switcher.unit.UnitLine;

/**
 * The checks a built configuration passes before anything is written: what systemd would reject or
 * misread only once it loads the unit (issue 19, issue 17 defect 9). Errors end the build (exit 2,
 * nothing written); warnings are reported with the switch.
 *
 * <ul>
 *   <li>every key of {@code [Unit] [Service] [Socket] [Timer] [Install]} is one systemd 252 knows
 *       ({@code X-} keys are ours to define), and the value of a boolean or enumeration is one it
 *       accepts; with a "did you mean" for a near miss and the place in the user's files where the
 *       word appears. {@code --unit-keys=warn} makes these warnings, for keys of newer systemd
 *       versions;
 *   <li>{@code Type=oneshot} with {@code Restart=always|on-success}, and several {@code ExecStart=}
 *       outside {@code Type=oneshot}, which systemd refuses to load (same policy);
 *   <li>a line longer than systemd reads (LONG_LINE_MAX, 1 MiB): always an error;
 *   <li>an {@code Environment=} value with {@code %}: systemd expands it as a specifier, or drops
 *       the line for an unknown one: a warning;
 *   <li>an {@code ExecStart=} program given by absolute path that does not exist or is not
 *       executable (under the root): a warning, an error with {@code --strict-paths}; programs in
 *       the store are built by this very build and not checked;
 *   <li>a unit with the name of a vendor unit ({@code /lib/systemd/system}, {@code
 *       /usr/lib/systemd/system}, the {@code user} directories in user mode): a warning saying it
 *       is shadowed or masked.
 * </ul>
 */
public final class UnitValidator {
  /** systemd's LONG_LINE_MAX: read_line() refuses a longer unit-file line. */
  static final int LONG_LINE_MAX = 1024 * 1024;

  private static final Set<String> CHECKED_SECTIONS =
      Set.of("Unit", "Service", "Socket", "Timer", "Install");

  /** What to do about keys and values systemd 252 does not know. */
  public enum KeyPolicy {
    ERROR,
    WARN
  }

  /**
   * @param unitKeys {@code --unit-keys}
   * @param strictPaths {@code --strict-paths}: a missing {@code ExecStart} program is an error
   */
  public record Settings(KeyPolicy unitKeys, boolean strictPaths) {
    public static Settings defaults() {
      return new Settings(KeyPolicy.ERROR, false);
    }
  }

  /**
   * Where a word (a key, a value) appears in the user's files, as {@code file:line}; empty when
   * unknown.
   */
  @FunctionalInterface
  public interface SourceLocator {
    List<String> find(String word);

    SourceLocator NONE = word -> List.of();
  }

  /**
   * @param root the host's root on disk (the {@code --root} directory) where programs and vendor
   *     units are looked up
   * @param vendorDirs the vendor unit directories of the mode, as host paths
   * @param storeDir the store's host path: programs in it are written by this build
   */
  public record Host(Path root, List<String> vendorDirs, String storeDir) {
    public Host {
      vendorDirs = List.copyOf(vendorDirs);
    }
  }

  private final Settings settings;
  private final Host host;
  private final SourceLocator locator;
  private final UnitKeyTable table;

  public UnitValidator(Settings settings, Host host, SourceLocator locator) {
    this(settings, host, locator, UnitKeyTable.SYSTEMD_252);
  }

  UnitValidator(Settings settings, Host host, SourceLocator locator, UnitKeyTable table) {
    this.settings = settings;
    this.host = host;
    this.locator = locator;
    this.table = table;
  }

  /**
   * Checks every unit; returns the warnings, throws a {@link BuildException} listing every error.
   */
  public List<String> check(List<UnitSpec> units) {
    List<String> errors = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (UnitSpec u : units) {
      vendor(u, warnings);
      if (u.masked()) continue;
      List<String> policed = settings.unitKeys() == KeyPolicy.ERROR ? errors : warnings;
      for (UnitLine l : u.lines()) {
        lineLength(u, l, errors);
        keyAndValue(u, l, policed);
        if (l.section().equals("Service")
            && l.key().equals("Environment")
            && hasSpecifier(l.value())) {
          warnings.add(
              where(u, l)
                  + "="
                  + UnitFileText.printable(l.value())
                  + ": systemd expands '%' as a specifier "
                  + "(and drops the line for an unknown one); write %% for a literal %");
        }
      }
      serviceRules(u, policed);
      programs(u, settings.strictPaths() ? errors : warnings);
    }
    if (!errors.isEmpty()) {
      StringBuilder sb = new StringBuilder("the unit files would be rejected by systemd:");
      for (String e : errors) sb.append("\n- ").append(e);
      if (settings.unitKeys() == KeyPolicy.ERROR
          && errors.stream().anyMatch(e -> e.contains("unknown key"))) {
        sb.append("\n(keys of a systemd newer than 252: --unit-keys=warn)");
      }
      throw new BuildException(sb.toString());
    }
    return warnings;
  }

  private void keyAndValue(UnitSpec u, UnitLine l, List<String> out) {
    if (!CHECKED_SECTIONS.contains(l.section())
        || l.key().startsWith("X-")
        || !table.coversSection(l.section())) {
      return;
    }
    Optional<UnitKeyTable.Kind> kind = table.kind(l.section(), l.key());
    if (kind.isEmpty()) {
      StringBuilder m = new StringBuilder(where(u, l)).append(": unknown key");
      Optional<String> near = table.suggestion(l.section(), l.key());
      List<String> elsewhere = table.sectionsWith(l.key(), l.section());
      if (near.isPresent()) {
        m.append("; did you mean ").append(near.get()).append('?');
      } else if (!elsewhere.isEmpty()) {
        m.append("; it belongs in [").append(String.join("], [", elsewhere)).append(']');
      }
      out.add(m.append(located(l.key())).toString());
    } else if (!kind.get().accepts(l.value())) {
      StringBuilder m =
          new StringBuilder(where(u, l))
              .append(": invalid value ")
              .append(quoted(l.value()))
              .append("; expected ")
              .append(kind.get().describe());
      UnitKeyTable.closestWord(kind.get(), l.value())
          .ifPresent(w -> m.append("; did you mean ").append(w).append('?'));
      out.add(m.append(located(l.key())).toString());
    }
  }

  /**
   * Rules systemd 252 applies when it loads a service (service_verify), which no single key shows.
   */
  private void serviceRules(UnitSpec u, List<String> out) {
    String type = last(u, "Service", "Type").orElse("simple");
    Optional<String> restart = last(u, "Service", "Restart");
    if (type.equals("oneshot")
        && restart.filter(r -> r.equals("always") || r.equals("on-success")).isPresent()) {
      out.add(
          unit(u)
              + ": Type=oneshot with Restart="
              + restart.get()
              + " is refused by systemd; use Restart=on-failure"
              + " or no, or another Type"
              + located("Restart"));
    }
    int execStarts = 0;
    for (UnitLine l : u.lines()) {
      if (l.section().equals("Service") && l.key().equals("ExecStart")) {
        execStarts = l.value().isEmpty() ? 0 : execStarts + 1;
      }
    }
    if (execStarts > 1 && !type.equals("oneshot")) {
      out.add(
          unit(u)
              + ": "
              + execStarts
              + " ExecStart= lines are refused by systemd unless Type=oneshot"
              + located("ExecStart"));
    }
  }

  private static void lineLength(UnitSpec u, UnitLine l, List<String> errors) {
    long bytes =
        l.key().getBytes(StandardCharsets.UTF_8).length
            + 1L
            + l.value().getBytes(StandardCharsets.UTF_8).length;
    if (bytes > LONG_LINE_MAX) {
      errors.add(
          where(u, l)
              + ": the line is "
              + bytes
              + " bytes long; systemd reads at most "
              + LONG_LINE_MAX
              + " bytes a line and would refuse the unit");
    }
  }

  private void programs(UnitSpec u, List<String> out) {
    for (UnitLine l : u.lines()) {
      if (!l.section().equals("Service") || !l.key().equals("ExecStart")) continue;
      Optional<String> program = ExecLine.program(l.value());
      if (program.isEmpty()
          || !program.get().startsWith("/")
          || program.get().startsWith(host.storeDir() + "/")) {
        continue;
      }
      Path onDisk = host.root().resolve(program.get().substring(1));
      if (!Files.exists(onDisk)) {
        out.add(
            unit(u)
                + ": the program "
                + program.get()
                + " of ExecStart= does not exist"
                + underRoot());
      } else if (!Files.isRegularFile(onDisk) || !Files.isExecutable(onDisk)) {
        out.add(
            unit(u)
                + ": the program "
                + program.get()
                + " of ExecStart= is not an executable file"
                + underRoot());
      }
    }
  }

  private String underRoot() {
    return host.root().getNameCount() == 0 ? "" : " under " + host.root();
  }

  private void vendor(UnitSpec u, List<String> warnings) {
    for (String dir : host.vendorDirs()) {
      Path file = host.root().resolve(dir.substring(1)).resolve(u.name());
      if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
        warnings.add(
            unit(u)
                + (u.masked() ? " masks" : " shadows")
                + " the vendor unit "
                + dir
                + "/"
                + u.name()
                + (u.masked() ? "" : ": systemd uses this definition instead of the package's"));
        return;
      }
    }
  }

  private static Optional<String> last(UnitSpec u, String section, String key) {
    Optional<String> value = Optional.empty();
    for (UnitLine l : u.lines()) {
      if (l.section().equals(section) && l.key().equals(key)) value = Optional.of(l.value());
    }
    return value;
  }

  /** A single {@code %} (not {@code %%}) in a value. */
  static boolean hasSpecifier(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) == '%') {
        if (i + 1 < value.length() && value.charAt(i + 1) == '%') {
          i++;
        } else {
          return true;
        }
      }
    }
    return false;
  }

  private String located(String word) {
    List<String> at = locator.find(word);
    return at.isEmpty() ? "" : " (" + word + " appears at " + String.join(", ", at) + ")";
  }

  private static String unit(UnitSpec u) {
    return "unit " + u.name() + " (" + u.origin() + ")";
  }

  private static String where(UnitSpec u, UnitLine l) {
    return unit(u)
        + ", ["
        + UnitFileText.printable(l.section())
        + "] "
        + UnitFileText.printable(l.key());
  }

  private static String quoted(String value) {
    String shown = value.length() > 200 ? value.substring(0, 200) + "…" : value;
    return "\"" + UnitFileText.printable(shown) + "\"";
  }
}
