package org.modsvc.switcher.generation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.modsvc.switcher.fs.HostPath;
import org.modsvc.switcher.fs.RootPrefix;

/**
 * Every path of docs/decisions.md §4 for one mode, as host paths, plus the {@code --root} prefix
 * they are placed under. The agent writes only below {@link #managedDirs()} (live files) and {@link
 * #stateDir()}/{@link #runtimeDir()} (its own bookkeeping), all under {@link #root()}.
 *
 * <p>User mode follows the XDG base-directory rules: a variable that is unset, empty or not
 * absolute is ignored and the default is used ({@code ~/.config}, {@code ~/.local/state}, {@code
 * /run/user/<uid>}).
 */
public record Layout(
    Mode mode,
    Path root,
    HostPath unitDir,
    HostPath configDataDir,
    HostPath modulesDir,
    HostPath stateDir,
    HostPath runtimeDir) {

  public enum Mode {
    SYSTEM,
    USER
  }

  public Layout {
    if (root.toString().isEmpty()) {
      // Path.of("") is the working directory: an empty --root (an unset variable) must not mean
      // "here"
      throw new IllegalArgumentException("--root needs a directory, found an empty string");
    }
    root = root.toAbsolutePath().normalize();
  }

  /**
   * System mode: {@code /etc/systemd/system}, {@code /etc/system-services}, {@code
   * /var/lib/modsvc}, {@code /run/modsvc}.
   */
  public static Layout system(Path root) {
    return new Layout(
        Mode.SYSTEM,
        root,
        HostPath.of("/etc/systemd/system"),
        HostPath.of("/etc/system-services"),
        HostPath.of("/etc/modsvc/modules"),
        HostPath.of("/var/lib/modsvc"),
        HostPath.of("/run/modsvc"));
  }

  /**
   * User mode from an environment ({@code HOME}, {@code XDG_CONFIG_HOME}, {@code XDG_STATE_HOME},
   * {@code XDG_RUNTIME_DIR}).
   */
  public static Layout user(Path root, Map<String, String> env, long uid) {
    String home = env.get("HOME");
    if (home == null || !home.startsWith("/")) {
      throw new IllegalArgumentException(
          "user mode needs HOME to be an absolute path, found "
              + (home == null ? "nothing" : "'" + home + "'"));
    }
    HostPath homeDir = HostPath.of(normalise(home));
    HostPath config = xdg(env, "XDG_CONFIG_HOME", homeDir.resolve(".config"));
    HostPath state = xdg(env, "XDG_STATE_HOME", homeDir.resolve(".local/state"));
    HostPath runtime = xdg(env, "XDG_RUNTIME_DIR", HostPath.of("/run/user/" + uid));
    return new Layout(
        Mode.USER,
        root,
        config.resolve("systemd/user"),
        config.resolve("home-services"),
        config.resolve("modsvc/modules"),
        state.resolve("modsvc"),
        runtime.resolve("modsvc"));
  }

  private static HostPath xdg(Map<String, String> env, String name, HostPath fallback) {
    String v = env.get(name);
    return v != null && v.startsWith("/") ? HostPath.of(normalise(v)) : fallback;
  }

  /** Drops a trailing slash and repeated slashes, which environments commonly carry. */
  private static String normalise(String p) {
    String s = p.replaceAll("/+", "/");
    return s.length() > 1 && s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  public HostPath storeDir() {
    return stateDir.resolve("store");
  }

  /** Host builds' outputs, found again by their inputs ({@code store.BuildCache}). */
  public HostPath buildCacheDir() {
    return stateDir.resolve("build-cache");
  }

  public HostPath generationsDir() {
    return stateDir.resolve("generations");
  }

  /** The {@code current} symlink inside {@link #generationsDir()}. */
  public HostPath currentLink() {
    return generationsDir().resolve("current");
  }

  /**
   * The persisted record of an unfinished switch, beside the generations (it must survive a
   * reboot).
   */
  public HostPath pendingFile() {
    return stateDir.resolve("pending.json");
  }

  /**
   * The configuration whose units failed and that was rolled back, not to be retried unchanged
   * (§12).
   */
  public HostPath failedInputsFile() {
    return stateDir.resolve("failed-inputs.json");
  }

  public HostPath lockFile() {
    return runtimeDir.resolve("lock");
  }

  /** The running agent's control socket (docs/architecture.md, control socket). */
  public HostPath controlSocket() {
    return runtimeDir.resolve("agent.sock");
  }

  /** The directories below which live files may be placed. */
  public List<HostPath> managedDirs() {
    return List.of(unitDir, configDataDir);
  }

  /** The root prefix every path of this layout is resolved under. */
  public RootPrefix prefix() {
    return new RootPrefix(root);
  }

  /**
   * {@code path} under the root prefix, its directories resolved inside the root and its last
   * component not followed (a live file, a link, the lock): see {@link RootPrefix}.
   */
  public Path onDisk(HostPath path) throws IOException {
    return prefix().entry(path);
  }

  /**
   * The directory {@code path} under the root prefix, resolved inside the root to the last
   * component.
   */
  public Path dirOnDisk(HostPath path) throws IOException {
    return prefix().directory(path);
  }

  /** The managed directory containing {@code path}, or an error naming the allowed ones. */
  public HostPath managedDirOf(HostPath path) {
    for (HostPath d : managedDirs()) {
      if (path.isBelow(d)) {
        return d;
      }
    }
    throw new IllegalArgumentException(
        "refusing to manage " + path + ": it is outside " + unitDir + " and " + configDataDir);
  }
}
