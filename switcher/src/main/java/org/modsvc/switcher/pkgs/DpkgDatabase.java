package org.modsvc.switcher.pkgs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What dpkg records about the packages installed under a root: the file list of each package
 * ({@code var/lib/dpkg/info/<package>.list}, or {@code <package>:<arch>.list} for a multi-arch
 * one), read directly so that no {@code dpkg} process runs per package. dpkg deletes a package's
 * list when it removes the package, so a list means the package's files are on disk.
 */
public record DpkgDatabase(Path root) {
  /**
   * Debian policy §5.6.7: lower-case letters, digits, {@code + - .}, at least two, starting
   * alphanumeric.
   */
  private static final Pattern PACKAGE_NAME = Pattern.compile("[a-z0-9][a-z0-9+.-]+");

  /**
   * One installed package: the paths it owns (as the host sees them) and a digest of its files'
   * checksums.
   */
  public record InstalledPackage(String name, List<String> files, String contentDigest) {
    public InstalledPackage {
      files = List.copyOf(files);
    }
  }

  public static boolean isPackageName(String name) {
    return PACKAGE_NAME.matcher(name).matches();
  }

  /**
   * The package if it is installed; a name that is not a Debian package name is never installed.
   */
  public Optional<InstalledPackage> find(String name) {
    if (!isPackageName(name)) return Optional.empty();
    Path info = root.resolve("var/lib/dpkg/info");
    try {
      Optional<String> base = listBase(info, name);
      if (base.isEmpty()) return Optional.empty();
      String list = read(info.resolve(base.get() + ".list")).orElse("");
      // md5sums changes when an upgrade changes any file's content; a package without one (rare) is
      // identified by its list.
      String sums = read(info.resolve(base.get() + ".md5sums")).orElse(list);
      return Optional.of(
          new InstalledPackage(
              name, list.lines().filter(l -> l.startsWith("/")).toList(), sha256(sums)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read dpkg's record of " + name + " under " + info, e);
    }
  }

  /**
   * {@code name} or {@code name:<arch>}, whichever has a list (the first architecture in name
   * order).
   */
  private static Optional<String> listBase(Path info, String name) throws IOException {
    if (Files.isRegularFile(info.resolve(name + ".list"), LinkOption.NOFOLLOW_LINKS))
      return Optional.of(name);
    if (!Files.isDirectory(info)) return Optional.empty();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(info, name + ":*.list")) {
      String best = null;
      for (Path p : ds) {
        String f = p.getFileName().toString();
        String base = f.substring(0, f.length() - ".list".length());
        if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
            && (best == null || base.compareTo(best) < 0)) best = base;
      }
      return Optional.ofNullable(best);
    }
  }

  private static Optional<String> read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
