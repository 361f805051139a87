package org.modsvc.switcher.pkgs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.modsvc.switcher.pkgs.DpkgDatabase.InstalledPackage;

/**
 * The store tree of a host package (docs/decisions.md §3): links to the host's files laid out as a
 * nixpkgs package is ({@code bin/<program>}, {@code share/}, {@code lib/}, {@code etc/} …), made
 * from the file lists of the Debian packages that provide it, with programs found on {@code PATH}
 * where no Debian package has them. Plus {@code nix-support/modsvc-host-package}, naming each
 * Debian package with a digest of its files' checksums, so the tree (and every unit naming it)
 * changes when an upgrade changes a file, as a NixOS unit changes with its package's store path.
 *
 * @param links relative path in the tree to the host path it links to
 * @param files relative path to text
 */
public record HostPackageTree(SortedMap<String, String> links, SortedMap<String, String> files) {
  /** Written beside the links, naming where they came from. */
  public static final String ORIGIN_FILE = "nix-support/modsvc-host-package";

  /** Host directories whose files are programs, in the order a program name is taken from them. */
  private static final List<String> BIN_DIRS = List.of("/usr/bin", "/bin", "/usr/local/bin");

  private static final List<String> SBIN_DIRS = List.of("/usr/sbin", "/sbin", "/usr/local/sbin");

  /** Host prefixes and where their files go in the tree; the first match wins. */
  private static final Map<String, String> PREFIXES = prefixes();

  /**
   * What a package is asked to be: {@code debian} the Debian packages that may provide it (all
   * installed ones contribute, the first owning a path wins); {@code programs} link names with the
   * program files to link them to, first found wins (a name is looked up in the tree's programs,
   * then on {@code PATH}; an absolute path is taken as is when it exists); {@code required} the
   * program that must exist (the main program), or null.
   */
  public record Request(
      String name, List<String> debian, Map<String, List<String>> programs, String required) {
    public Request {
      debian = List.copyOf(debian);
      programs = Map.copyOf(programs);
    }
  }

  /** Why a package cannot be made: the message names the package and how to install it. */
  public static final class MissingPackage extends Exception {
    MissingPackage(String message) {
      super(message);
    }
  }

  private static Map<String, String> prefixes() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("/usr/share/", "share/");
    m.put("/usr/lib/", "lib/");
    m.put("/lib/", "lib/");
    m.put("/usr/libexec/", "libexec/");
    m.put("/usr/include/", "include/");
    m.put("/etc/", "etc/");
    return m;
  }

  /**
   * Builds the tree of {@code request} from the Debian database and the {@code PATH} of this host.
   */
  public static HostPackageTree build(Request request, DpkgDatabase dpkg, PathSearch path)
      throws MissingPackage {
    List<InstalledPackage> installed = new ArrayList<>();
    for (String d : request.debian()) dpkg.find(d).ifPresent(installed::add);
    TreeMap<String, String> links = new TreeMap<>();
    Map<String, String> sbinPrograms = new LinkedHashMap<>();
    Map<String, String> privatePrograms = new LinkedHashMap<>();
    for (InstalledPackage p : installed) {
      Set<String> dirs = directories(p.files());
      for (String file : p.files()) {
        if (!dirs.contains(file))
          addListed(links, sbinPrograms, privatePrograms, file, dpkg.root());
      }
    }
    sbinPrograms.forEach((program, target) -> links.putIfAbsent("bin/" + program, target));
    privatePrograms.forEach((program, target) -> links.putIfAbsent("bin/" + program, target));
    dropNested(links);

    request
        .programs()
        .forEach(
            (link, candidates) -> {
              if (!PathSearch.isPlainName(link)) return;
              findProgram(candidates, links, path, dpkg.root())
                  .ifPresent(target -> links.put("bin/" + link, target));
            });
    String required = request.required();
    if (required != null && !links.containsKey("bin/" + required)) {
      Optional<Path> found = path.find(required);
      if (found.isEmpty()) throw new MissingPackage(missingMessage(request, installed));
      links.put("bin/" + required, found.get().toString());
    }
    TreeMap<String, String> files = new TreeMap<>();
    if (!installed.isEmpty()) {
      files.put(
          ORIGIN_FILE,
          installed.stream()
              .map(p -> "debian " + p.name() + " " + p.contentDigest() + "\n")
              .collect(Collectors.joining()));
    }
    return new HostPackageTree(links, files);
  }

  /**
   * The listed paths that hold other listed paths: dpkg lists a package's directories with its
   * files, and telling them apart from the list spares a system call per file (nodejs lists some
   * 5000 paths).
   */
  private static Set<String> directories(List<String> files) {
    Set<String> dirs = new HashSet<>();
    for (String f : files) {
      for (int slash = f.lastIndexOf('/');
          slash > 0 && dirs.add(f.substring(0, slash));
          slash = f.lastIndexOf('/', slash - 1)) {
        // every ancestor once: the loop stops at the first one already known
      }
    }
    return dirs;
  }

  /**
   * Where a file a Debian package owns goes in the tree (if anywhere); directories are implied by
   * their files. Programs are checked to exist (a missing one is looked for on PATH); other files
   * are linked as listed.
   */
  private static void addListed(
      TreeMap<String, String> links,
      Map<String, String> sbinPrograms,
      Map<String, String> privatePrograms,
      String file,
      Path root) {
    if (!isSafeAbsolute(file)) return;
    int slash = file.lastIndexOf('/');
    String dir = file.substring(0, Math.max(slash, 1));
    String base = file.substring(slash + 1);
    boolean program =
        BIN_DIRS.contains(dir)
            || SBIN_DIRS.contains(dir)
            || dir.endsWith("/bin")
            || dir.endsWith("/sbin");
    if (program && !isFileOrLink(root, file)) return;
    if (BIN_DIRS.contains(dir)) {
      links.putIfAbsent("bin/" + base, file);
      return;
    }
    if (SBIN_DIRS.contains(dir)) {
      // nixpkgs puts daemons in bin/ too; sbin/ stays for modules that spell it out.
      links.putIfAbsent("sbin/" + base, file);
      sbinPrograms.putIfAbsent(base, file);
      return;
    }
    for (Map.Entry<String, String> e : PREFIXES.entrySet()) {
      if (file.startsWith(e.getKey())) {
        links.putIfAbsent(e.getValue() + file.substring(e.getKey().length()), file);
        break;
      }
    }
    // A program in a private bin/ (Debian's /usr/lib/postgresql/15/bin/postgres) is the package's
    // too.
    if (dir.endsWith("/bin") || dir.endsWith("/sbin")) privatePrograms.putIfAbsent(base, file);
  }

  /**
   * Keeps a link only where no other link is one of its parent directories (a listed link to a
   * directory).
   */
  private static void dropNested(TreeMap<String, String> links) {
    links
        .keySet()
        .removeIf(
            path -> {
              for (int slash = path.indexOf('/');
                  slash >= 0;
                  slash = path.indexOf('/', slash + 1)) {
                if (links.containsKey(path.substring(0, slash))) return true;
              }
              return false;
            });
  }

  private static Optional<String> findProgram(
      List<String> candidates, Map<String, String> links, PathSearch path, Path root) {
    for (String c : candidates) {
      if (c.startsWith("/")) {
        if (isSafeAbsolute(c) && isFileOrLink(root, c)) return Optional.of(c);
      } else if (PathSearch.isPlainName(c)) {
        String inTree = links.get("bin/" + c);
        if (inTree != null) return Optional.of(inTree);
        Optional<Path> onPath = path.find(c);
        if (onPath.isPresent()) return Optional.of(onPath.get().toString());
      }
    }
    return Optional.empty();
  }

  private static boolean isSafeAbsolute(String file) {
    if (!file.startsWith("/") || file.length() < 2) return false;
    for (String part : file.substring(1).split("/", -1)) {
      if (part.isEmpty()
          || part.equals(".")
          || part.equals("..")
          || part.indexOf('\0') >= 0
          || part.indexOf('\n') >= 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the host path exists under {@code root} and is not a directory; a final link is not
   * followed.
   */
  private static boolean isFileOrLink(Path root, String file) {
    try {
      BasicFileAttributes a =
          Files.readAttributes(
              root.resolve(file.substring(1)),
              BasicFileAttributes.class,
              LinkOption.NOFOLLOW_LINKS);
      return !a.isDirectory();
    } catch (IOException e) {
      return false;
    }
  }

  static String missingMessage(Request r, List<InstalledPackage> installed) {
    String option = "modsvc.hostPackages." + attrName(r.name());
    String setProgram =
        "or set " + option + ".programs." + attrName(r.required()) + " to the program's path";
    String head =
        "package '"
            + r.name()
            + "' (pkgs."
            + attrName(r.name())
            + ") is not installed on this host: ";
    if (!installed.isEmpty()) {
      return head
          + "the Debian package "
          + installed.stream().map(InstalledPackage::name).collect(Collectors.joining(", "))
          + " has no program '"
          + r.required()
          + "' and none is on PATH; "
          + setProgram;
    }
    if (r.debian().isEmpty()) {
      return head
          + "it is not packaged for Debian and no program '"
          + r.required()
          + "' is on PATH; install it "
          + "so that '"
          + r.required()
          + "' is on PATH, "
          + setProgram;
    }
    return head
        + "install it with `apt install "
        + r.debian().get(0)
        + "`"
        + (r.debian().size() > 1
            ? " (or one of " + String.join(", ", r.debian().subList(1, r.debian().size())) + ")"
            : "")
        + ", "
        + setProgram;
  }

  /** An attribute name as Nix code spells it: quoted unless it is an identifier. */
  private static String attrName(String name) {
    return name.matches("[A-Za-z_][A-Za-z0-9_'-]*")
        ? name
        : "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
