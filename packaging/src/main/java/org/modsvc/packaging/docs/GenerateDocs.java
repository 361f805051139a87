package org.modsvc.packaging.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.modsvc.agent.cli.Main;
import org.modsvc.packaging.docs.ManPage.FileEntry;
import org.modsvc.switcher.generation.Layout;
import picocli.AutoComplete;
import picocli.CommandLine;

/**
 * Writes {@code modsvc-agent.8} (roff) and {@code modsvc-agent.bash-completion} into a directory,
 * for deb/build-deb. Usage: {@code GenerateDocs OUT_DIR VERSION DATE} (DATE as YYYY-MM-DD: the
 * commit's date, so that the same commit gives the same page).
 */
public final class GenerateDocs {
  /** Where the Debian package puts the agent's own files (deb/build-deb installs them there). */
  static final String JAR = "/usr/share/modsvc-agent/modsvc-agent.jar";

  static final String CLASS_DATA_CACHE = "/var/cache/modsvc-agent/";

  private static final List<String> SEE_ALSO =
      List.of("systemctl(1)", "journalctl(1)", "systemd.service(5)", "systemd.unit(5)");

  private GenerateDocs() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println("usage: GenerateDocs OUT_DIR VERSION YYYY-MM-DD");
      System.exit(1);
    }
    Path out = Path.of(args[0]);
    CommandLine command = Main.describe();
    Files.createDirectories(out);
    String page =
        new ManPage(command, "8", args[1], LocalDate.parse(args[2]), files(), SEE_ALSO).render();
    Files.writeString(out.resolve("modsvc-agent.8"), page, StandardCharsets.UTF_8);
    Files.writeString(
        out.resolve("modsvc-agent.bash-completion"), completion(command), StandardCharsets.UTF_8);
  }

  /**
   * picocli's bash completion script, without its {@code #!} line: bash-completion sources the
   * file, it is not a program (and lintian flags a completion file that starts like one).
   */
  static String completion(CommandLine command) {
    String script = AutoComplete.bash("modsvc-agent", command);
    return script.startsWith("#!") ? script.substring(script.indexOf('\n') + 1) : script;
  }

  /**
   * The agent's paths as the switcher's {@link Layout} defines them, the user's with {@code ~} for
   * the home.
   */
  static List<FileEntry> files() {
    Layout system = Layout.system(Path.of("/"));
    Layout user =
        Layout.user(
            Path.of("/"), Map.of("HOME", "/HOME", "XDG_RUNTIME_DIR", "/XDG_RUNTIME_DIR"), 1000);
    List<FileEntry> files = new ArrayList<>();
    files.add(
        dir(
            system.modulesDir().value(),
            "The system instance's module files: every *.nix directly in it."));
    files.add(
        dir(
            user.modulesDir().value(),
            "A user's module files (modsvc-agent --user, the user unit)."));
    files.add(
        dir(
            system.unitDir().value(),
            "Unit files the agent writes (user: " + user.unitDir().value() + ")."));
    files.add(
        dir(
            system.configDataDir().value(),
            "Config data, as links into the store (user: " + user.configDataDir().value() + ")."));
    files.add(
        dir(
            system.stateDir().value(),
            "Store, generations and the record of an unfinished switch (user: "
                + user.stateDir().value()
                + ")."));
    files.add(
        dir(
            system.runtimeDir().value(),
            "The switch lock (user: " + user.runtimeDir().value() + ")."));
    files.add(new FileEntry(JAR, "The agent."));
    files.add(
        dir(
            CLASS_DATA_CACHE,
            "The class-data archive written for the installed Java runtime (faster starts; ignored when it does not fit)."));
    return files.stream()
        .map(
            f ->
                new FileEntry(
                    f.path()
                        .replace("/HOME/", "~/")
                        .replace("/XDG_RUNTIME_DIR/", "$XDG_RUNTIME_DIR/"),
                    f.meaning()
                        .replace("/HOME/", "~/")
                        .replace("/XDG_RUNTIME_DIR/", "$XDG_RUNTIME_DIR/")))
        .toList();
  }

  private static FileEntry dir(String path, String meaning) {
    return new FileEntry(path.endsWith("/") ? path : path + "/", meaning);
  }
}
