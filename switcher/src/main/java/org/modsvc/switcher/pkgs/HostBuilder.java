package org.modsvc.switcher.pkgs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.modsvc.nix.store.EvalStore;
import org.modsvc.switcher.fs.FileModes;
import org.modsvc.switcher.fs.FileTrees;
import org.modsvc.switcher.store.BuildCache;
import org.modsvc.switcher.store.StoreContent;
import org.modsvc.switcher.store.StorePath;

/**
 * Runs the builds of the host package set's trivial builders ({@code pkgs.runCommand} and what is
 * made from it) during the evaluation, and caches their outputs by their inputs.
 *
 * <p>A build's inputs are first written into the store on disk (they are store paths of this
 * evaluation, maybe not yet written); the script ({@code pkgs/build-support/setup.sh}) runs in
 * {@link BuildSandbox}; its {@code $out} is a path of the same length as the store path it will
 * get, in a private directory, so that a reference of the output to itself (a wrapper calling its
 * own {@code .x-wrapped}) can be rewritten without changing any file's length. The output then gets
 * the store path of its content (this store's own hash, {@link StorePath#of}, computed with its
 * self-references blanked) and is kept in the {@link BuildCache} under the request's key ({@link
 * BuildRequest#cacheKey}); the evaluation's store records the output there ({@link
 * EvalStore#addBuilt}), and the agent's build step copies it into the store with everything else a
 * generation needs. The garbage collector prunes the cache.
 */
public final class HostBuilder {
  /** Writes store paths this evaluation made, with what they refer to, into the store on disk. */
  @FunctionalInterface
  public interface InputWriter {
    void write(Set<String> storePaths) throws IOException;
  }

  /**
   * @param storeDir the store directory the evaluation's paths name (a host path)
   * @param diskStoreDir where that store is on this machine (differs under {@code --root})
   * @param workDir where builds run (created root-only; a build gets a private directory inside)
   * @param cacheDir where outputs and the keys that found them are kept
   * @param timeout how long one build may run
   */
  public record Settings(
      String storeDir,
      Path diskStoreDir,
      Path workDir,
      Path cacheDir,
      Duration timeout,
      InputWriter inputs) {}

  private static final String SETUP_RESOURCE = "/modsvc-modules/pkgs/build-support/setup.sh";
  private static final String SETUP = resource(SETUP_RESOURCE);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Settings settings;
  private final BuildSandbox sandbox;
  private final BuildCache cache;
  private final AtomicInteger buildsRun = new AtomicInteger();
  private final String unavailable;
  private Optional<String> isolationProblem;

  private HostBuilder(Settings settings, BuildSandbox sandbox, String unavailable) {
    this.settings = settings;
    this.sandbox = sandbox;
    this.unavailable = unavailable;
    this.cache = settings == null ? null : new BuildCache(settings.cacheDir());
  }

  /**
   * A builder for this process: isolated as root when the agent is root, in a user namespace
   * otherwise.
   */
  public static HostBuilder create(Settings settings) {
    return new HostBuilder(settings, new BuildSandbox(isRoot(), settings.timeout()), null);
  }

  /**
   * Where nothing may be built (e.g. {@code modsvc-agent eval}): every build fails with {@code
   * why}.
   */
  public static HostBuilder unavailable(String why) {
    return new HostBuilder(null, null, why);
  }

  /** How many builds really ran (cache hits do not count). */
  public int buildsRun() {
    return buildsRun.get();
  }

  /**
   * The store path of the request's output, built now or found in the cache, recorded in {@code
   * evalStore}.
   *
   * @throws HostBuildException with the reason (and the build's log) when there is no output
   */
  public synchronized String build(BuildRequest request, EvalStore evalStore) {
    if (unavailable != null) throw new HostBuildException(unavailable);
    try {
      String key = request.cacheKey(SETUP, settings.storeDir());
      Optional<StorePath> cached = cache.lookup(key);
      if (cached.isPresent()) return record(cached.get(), evalStore);
      StorePath built = run(request);
      cache.remember(key, built);
      return record(built, evalStore);
    } catch (IOException e) {
      throw new HostBuildException(e.getMessage());
    } catch (UncheckedIOException e) {
      throw new HostBuildException(e.getCause().getMessage());
    }
  }

  private String record(StorePath entry, EvalStore evalStore) throws IOException {
    return evalStore.addBuilt(
        settings.storeDir() + "/" + entry.baseName(), cache.outputs().diskPath(entry));
  }

  private StorePath run(BuildRequest request) throws IOException {
    Path work = settings.workDir();
    Files.createDirectories(work);
    // the build user may pass through (to its own directory) but not list what other builds are
    // called
    Files.setPosixFilePermissions(work, FileModes.toPermissions(0711));
    if (isolationProblem == null) isolationProblem = sandbox.unavailableReason(work);
    if (isolationProblem.isPresent()) {
      throw new IOException(
          "builds run without network and as an unprivileged user, and this host cannot "
              + "isolate them: "
              + isolationProblem.get());
    }
    if (sandbox.privileged()) {
      checkSearchableByOthers(Path.of(settings.storeDir()));
      checkSearchableByOthers(work);
    }
    removeAbandoned(work);
    settings.inputs().write(request.inputs());
    String id = randomName();
    Path dir = Files.createDirectory(work.resolve(id));
    Path log = work.resolve(id + ".log");
    try {
      Files.setPosixFilePermissions(dir, FileModes.toPermissions(0700));
      Path top = Files.createDirectory(dir.resolve("build"));
      Path script = dir.resolve("setup.sh");
      Files.writeString(script, SETUP, StandardCharsets.UTF_8);
      String finalPrefix = settings.storeDir() + "/";
      int finalLength = finalPrefix.length() + 33 + request.name().length();
      int pad = finalLength - dir.toString().length() - 2 - request.name().length();
      String out = dir + "/" + "x".repeat(Math.max(1, pad)) + "-" + request.name();
      if (sandbox.privileged()) {
        for (Path p : new Path[] {dir, top, script})
          chown(p, BuildSandbox.BUILD_UID, BuildSandbox.BUILD_GID);
      }
      Map<String, String> env = new TreeMap<>(request.env());
      env.put("out", out);
      env.put("NIX_BUILD_TOP", top.toString());
      for (String v : new String[] {"TMPDIR", "TMP", "TEMP", "TEMPDIR"}) env.put(v, top.toString());
      env.put("HOME", "/homeless-shelter");
      env.put("NIX_STORE", settings.storeDir());
      env.put("NIX_BUILD_CORES", "1");
      Optional<Map.Entry<Path, String>> bind =
          settings
                  .diskStoreDir()
                  .toAbsolutePath()
                  .normalize()
                  .toString()
                  .equals(settings.storeDir())
              ? Optional.empty()
              : Optional.of(Map.entry(settings.diskStoreDir(), settings.storeDir()));
      if (bind.isPresent()) Files.createDirectories(Path.of(settings.storeDir()));
      buildsRun.incrementAndGet();
      BuildSandbox.Outcome o = sandbox.run(script, top, env, bind, log);
      // taken away from the build user before anything in it is read: nothing of it may change from
      // now on
      if (sandbox.privileged()) chown(dir, 0, 0);
      if (o.timedOut()) {
        throw new IOException(
            "the builder ran longer than "
                + settings.timeout().toSeconds()
                + " s and was killed"
                + logSection(o));
      }
      if (o.exitCode() != 0) {
        throw new IOException("the builder failed with exit code " + o.exitCode() + logSection(o));
      }
      Path outPath = Path.of(out);
      if (!Files.exists(outPath, LinkOption.NOFOLLOW_LINKS)) {
        throw new IOException("the builder did not create $out" + logSection(o));
      }
      return store(request.name(), StoreContent.read(outPath), out, finalLength);
    } finally {
      if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) FileTrees.delete(dir);
      Files.deleteIfExists(log);
    }
  }

  /**
   * The build user reaches its inputs and its directory only through directories every user may
   * search; a directory closed to others (a home directory of mode 0700, say) would fail the build
   * with a bare "Permission denied" in its log, so it is named before anything runs.
   */
  private static void checkSearchableByOthers(Path dir) throws IOException {
    for (Path d = dir.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
      if (!Files.exists(d, LinkOption.NOFOLLOW_LINKS)) continue;
      int mode = FileModes.toMode(Files.getPosixFilePermissions(d, LinkOption.NOFOLLOW_LINKS));
      if ((mode & 01) == 0) {
        throw new IOException(
            "builds run as nobody, which cannot pass through "
                + d
                + " (mode "
                + FileModes.format(mode)
                + "), on the way to "
                + dir
                + "; give it the others' search permission (o+x)");
      }
    }
  }

  /**
   * Deletes what builds of agents that were killed left behind: nothing in the directory is older
   * than a build may run unless its agent is gone, so twice the time limit (and at least an hour)
   * is safe.
   */
  private void removeAbandoned(Path work) throws IOException {
    long cutoff =
        System.currentTimeMillis() - Math.max(3_600_000L, 2 * settings.timeout().toMillis());
    try (var entries = Files.list(work)) {
      for (Path p : (Iterable<Path>) entries::iterator) {
        if (Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toMillis() < cutoff)
          FileTrees.delete(p);
      }
    }
  }

  /**
   * Gives the output its content's store path, rewriting references to {@code out} to that path.
   */
  private StorePath store(String name, StoreContent output, String out, int finalLength)
      throws IOException {
    boolean refersToItself = SelfReferences.contains(output, out);
    if (refersToItself && out.length() != finalLength) {
      throw new IOException(
          "the output refers to itself ($out), which can only be rewritten when the build "
              + "directory "
              + settings.workDir()
              + " is shorter than the store directory "
              + settings.storeDir());
    }
    String placeholder = settings.storeDir() + "/" + "0".repeat(32) + "-" + name;
    StoreContent normalised =
        refersToItself ? SelfReferences.replace(output, out, placeholder) : output;
    StorePath entry = StorePath.of(name, normalised);
    StoreContent fin =
        refersToItself
            ? SelfReferences.replace(
                normalised, placeholder, settings.storeDir() + "/" + entry.baseName())
            : output;
    return cache.outputs().put(entry, fin);
  }

  private static String logSection(BuildSandbox.Outcome o) {
    return o.logTail().isEmpty()
        ? " (the build log is empty)"
        : "; the end of the build log:\n" + o.logTail();
  }

  private static void chown(Path p, int uid, int gid) throws IOException {
    Files.setAttribute(p, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
    Files.setAttribute(p, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
  }

  private static boolean isRoot() {
    try {
      return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).intValue() == 0;
    } catch (IOException e) {
      return false;
    }
  }

  private static String randomName() {
    String alphabet = "0123456789abcdefghijklmnopqrstuvwxyz";
    StringBuilder sb = new StringBuilder(16);
    for (int i = 0; i < 16; i++) sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    return sb.toString();
  }

  private static String resource(String name) {
    try (InputStream in = HostBuilder.class.getResourceAsStream(name)) {
      if (in == null) throw new IllegalStateException("missing resource " + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
