package org.modsvc.nix.builtins;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flake references as pure text: the URL form ({@code github:NixOS/nixpkgs/23.05?dir=lib}) and the
 * exploded attribute form ({@code { type = "github"; owner = "NixOS"; ... }}), converted both ways
 * as {@code builtins.parseFlakeRef} and {@code builtins.flakeRefToString} do. Nothing is fetched or
 * resolved, so only the syntax of each input scheme matters: indirect ids, {@code github:}/{@code
 * gitlab:}/ {@code sourcehut:}, {@code path:}, {@code git+…}, and {@code file}/{@code tarball}
 * URLs.
 *
 * <p>Attribute values are {@link String}, {@link Long} (non-negative) or {@link Boolean}, as in
 * Nix's fetcher attribute maps; maps are sorted by name, which is also the order of query
 * parameters in the URL form.
 */
final class FlakeRefs {
  private FlakeRefs() {}

  /** A malformed flake reference; the message is Nix's. */
  static final class FlakeRefException extends RuntimeException {
    FlakeRefException(String message) {
      super(message);
    }
  }

  private static final String REV = "[0-9a-fA-F]{40}";
  private static final String REF = "[a-zA-Z0-9@][a-zA-Z0-9_.\\/@+-]*";
  private static final Pattern FLAKE_ID = Pattern.compile("[a-zA-Z][a-zA-Z0-9_-]*");
  private static final Pattern REV_RE = Pattern.compile(REV);
  private static final Pattern REF_RE = Pattern.compile(REF);

  /** {@code id[/ref][/rev]} or {@code id/rev}, optionally with a {@code #fragment}. */
  private static final Pattern ID_REF =
      Pattern.compile(
          "([a-zA-Z][a-zA-Z0-9_-]*(?:/(?:" + REV + "|" + REF + "(?:/" + REV + ")?))?)(?:#(.*))?");

  private static final Pattern URL =
      Pattern.compile(
          "([a-zA-Z][a-zA-Z0-9+.-]*):(?://([^/?#]*))?([^?#]*)(?:\\?([^#]*))?(?:#(.*))?",
          Pattern.DOTALL);
  private static final Set<String> GIT_ARCHIVES = Set.of("github", "gitlab", "sourcehut");
  private static final Set<String> GIT_BOOLS =
      Set.of("shallow", "submodules", "lfs", "exportIgnore", "allRefs", "verifyCommit");
  private static final Set<String> GIT_STRINGS =
      Set.of("rev", "ref", "keytype", "publicKey", "publicKeys");
  private static final Set<String> INT_ATTRS = Set.of("revCount", "lastModified");
  private static final List<String> ARCHIVE_SUFFIXES =
      List.of(".zip", ".tar", ".tgz", ".tar.gz", ".tar.xz", ".tar.bz2", ".tar.zst");

  /**
   * Allowed attributes per input type (besides {@code type}); {@code dir} belongs to the flake ref
   * itself.
   */
  private static final Map<String, Set<String>> ALLOWED =
      Map.of(
          "github",
              Set.of("owner", "repo", "ref", "rev", "narHash", "lastModified", "host", "treeHash"),
          "gitlab",
              Set.of("owner", "repo", "ref", "rev", "narHash", "lastModified", "host", "treeHash"),
          "sourcehut",
              Set.of("owner", "repo", "ref", "rev", "narHash", "lastModified", "host", "treeHash"),
          "indirect", Set.of("id", "ref", "rev", "narHash"),
          "path", Set.of("path", "rev", "revCount", "lastModified", "narHash"),
          "git",
              Set.of(
                  "url",
                  "ref",
                  "rev",
                  "shallow",
                  "submodules",
                  "lfs",
                  "exportIgnore",
                  "lastModified",
                  "revCount",
                  "narHash",
                  "allRefs",
                  "name",
                  "dirtyRev",
                  "dirtyShortRev",
                  "verifyCommit",
                  "keytype",
                  "publicKey",
                  "publicKeys"),
          "file", Set.of("url", "narHash", "name", "unpack", "rev", "revCount", "lastModified"),
          "tarball", Set.of("url", "narHash", "name", "unpack", "rev", "revCount", "lastModified"));

  /** A parsed URL: query sorted by name; {@code authority} is null when there was no {@code //}. */
  private record Url(
      String scheme,
      String authority,
      String path,
      TreeMap<String, String> query,
      String fragment) {
    String render() {
      StringBuilder sb = new StringBuilder(scheme).append(':');
      if (authority != null) sb.append("//").append(authority);
      sb.append(path);
      if (!query.isEmpty()) sb.append('?').append(encodeQuery(query));
      if (!fragment.isEmpty()) sb.append('#').append(percentEncode(fragment, ""));
      return sb.toString();
    }
  }

  // ----------------------------------------------------------------------------------------------
  // parse

  /** The exploded form of a flake reference, {@code dir} included. */
  static TreeMap<String, Object> parse(String ref) {
    TreeMap<String, Object> attrs;
    String fragment;
    Matcher id = ID_REF.matcher(ref);
    Url url = parseUrl(ref);
    if (id.matches()) {
      attrs = indirect(id.group(1).split("/"), ref);
      fragment = id.group(2) == null ? "" : percentDecode(id.group(2));
    } else if (url != null) {
      String dir = url.query.remove("dir");
      attrs = fromUrl(url, ref);
      if (dir != null && !dir.isEmpty()) attrs.put("dir", dir);
      fragment = url.fragment;
    } else {
      attrs = pathRef(ref);
      fragment = (String) attrs.remove("#fragment");
    }
    if (!fragment.isEmpty()) {
      throw new FlakeRefException(
          "unexpected fragment '" + fragment + "' in flake reference '" + ref + "'");
    }
    return attrs;
  }

  private static Url parseUrl(String s) {
    Matcher m = URL.matcher(s);
    if (!m.matches()) return null;
    TreeMap<String, String> query = new TreeMap<>();
    if (m.group(4) != null && !m.group(4).isEmpty()) {
      for (String kv : m.group(4).split("[&;]")) {
        if (kv.isEmpty()) continue;
        int eq = kv.indexOf('=');
        String k = eq < 0 ? kv : kv.substring(0, eq), v = eq < 0 ? "" : kv.substring(eq + 1);
        query.put(percentDecode(k), percentDecode(v));
      }
    }
    return new Url(
        m.group(1),
        m.group(2),
        percentDecode(m.group(3)),
        query,
        m.group(5) == null ? "" : percentDecode(m.group(5)));
  }

  private static TreeMap<String, Object> fromUrl(Url url, String text) {
    String scheme = url.scheme;
    if (scheme.equals("flake")) {
      return indirect(segments(url.path).toArray(new String[0]), text);
    }
    if (GIT_ARCHIVES.contains(scheme)) return gitArchive(url, text);
    if (scheme.equals("path")) {
      TreeMap<String, Object> attrs = new TreeMap<>();
      attrs.put("type", "path");
      attrs.put("path", url.path);
      url.query.forEach(
          (k, v) -> {
            if (k.equals("rev") || k.equals("narHash")) attrs.put(k, v);
            else if (INT_ATTRS.contains(k)) attrs.put(k, unsigned(v, text));
            else
              throw new FlakeRefException(
                  "path URL '" + text + "' has invalid parameter '" + k + "'");
          });
      return attrs;
    }
    if (scheme.startsWith("git+")) {
      TreeMap<String, Object> attrs = new TreeMap<>();
      TreeMap<String, String> rest = new TreeMap<>();
      url.query.forEach(
          (k, v) -> {
            if (GIT_STRINGS.contains(k)) attrs.put(k, v);
            else if (GIT_BOOLS.contains(k)) attrs.put(k, v.equals("1"));
            else rest.put(k, v);
          });
      attrs.put("type", "git");
      attrs.put("url", new Url(scheme.substring(4), url.authority, url.path, rest, "").render());
      return attrs;
    }
    String transport =
        scheme.startsWith("file+") || scheme.startsWith("tarball+")
            ? scheme.substring(scheme.indexOf('+') + 1)
            : scheme;
    if (Set.of("file", "http", "https").contains(transport)) {
      boolean archive = ARCHIVE_SUFFIXES.stream().anyMatch(url.path::endsWith);
      String type =
          scheme.startsWith("file+")
              ? "file"
              : scheme.startsWith("tarball+") || (archive && !transport.equals("file"))
                  ? "tarball"
                  : "file";
      TreeMap<String, Object> attrs = new TreeMap<>();
      TreeMap<String, String> rest = new TreeMap<>(url.query);
      for (String k : List.of("narHash", "rev")) if (rest.containsKey(k)) attrs.put(k, rest.get(k));
      for (String k : INT_ATTRS) if (rest.containsKey(k)) attrs.put(k, unsigned(rest.get(k), text));
      rest.keySet().removeAll(ALLOWED.get(type));
      attrs.put("type", type);
      attrs.put("url", new Url(transport, url.authority, url.path, rest, "").render());
      return attrs;
    }
    throw new FlakeRefException("input '" + text + "' is unsupported");
  }

  private static TreeMap<String, Object> gitArchive(Url url, String text) {
    List<String> path = segments(url.path);
    TreeMap<String, Object> attrs = new TreeMap<>();
    if (path.size() < 2) throw new FlakeRefException("URL '" + text + "' is invalid");
    if (path.size() == 3) {
      attrs.put(REV_RE.matcher(path.get(2)).matches() ? "rev" : "ref", path.get(2));
    } else if (path.size() > 3) {
      attrs.put("ref", String.join("/", path.subList(2, path.size())));
    }
    url.query.forEach(
        (k, v) -> {
          if (k.equals("rev") || k.equals("ref")) {
            if (attrs.containsKey(k)) {
              throw new FlakeRefException(
                  "URL '"
                      + text
                      + "' contains multiple "
                      + (k.equals("rev") ? "commit hashes" : "branch/tag names"));
            }
            attrs.put(k, v);
          } else if (k.equals("host") || k.equals("narHash")) {
            attrs.put(k, v);
          } else {
            throw new FlakeRefException(
                "URL '" + text + "' contains unknown parameter '" + k + "'");
          }
        });
    if (attrs.containsKey("ref") && attrs.containsKey("rev")) {
      throw new FlakeRefException(
          "input contains both a commit hash ('"
              + attrs.get("rev")
              + "') and a branch/tag name ('"
              + attrs.get("ref")
              + "')");
    }
    attrs.put("type", url.scheme);
    attrs.put("owner", path.get(0));
    attrs.put("repo", path.get(1));
    return attrs;
  }

  private static TreeMap<String, Object> indirect(String[] rawPath, String text) {
    List<String> path = new ArrayList<>();
    for (String s : rawPath) if (!s.isEmpty()) path.add(s);
    TreeMap<String, Object> attrs = new TreeMap<>();
    if (path.isEmpty() || path.size() > 3)
      throw new FlakeRefException("GitHub URL '" + text + "' is invalid");
    if (path.size() == 2) {
      if (REV_RE.matcher(path.get(1)).matches()) attrs.put("rev", path.get(1).toLowerCase());
      else if (REF_RE.matcher(path.get(1)).matches()) attrs.put("ref", path.get(1));
      else
        throw new FlakeRefException(
            "in flake URL '"
                + text
                + "', '"
                + path.get(1)
                + "' is not a commit hash or branch/tag name");
    } else if (path.size() == 3) {
      if (!REF_RE.matcher(path.get(1)).matches()) {
        throw new FlakeRefException(
            "in flake URL '" + text + "', '" + path.get(1) + "' is not a branch/tag name");
      }
      if (!REV_RE.matcher(path.get(2)).matches()) {
        throw new FlakeRefException(
            "in flake URL '" + text + "', '" + path.get(2) + "' is not a commit hash");
      }
      attrs.put("ref", path.get(1));
      attrs.put("rev", path.get(2).toLowerCase());
    }
    if (!FLAKE_ID.matcher(path.get(0)).matches()) {
      throw new FlakeRefException("'" + path.get(0) + "' is not a valid flake ID");
    }
    attrs.put("type", "indirect");
    attrs.put("id", path.get(0));
    return attrs;
  }

  /**
   * A bare path: only absolute ones are accepted, since there is no base directory to resolve
   * against.
   */
  private static TreeMap<String, Object> pathRef(String text) {
    int q = indexOfAny(text, "?#");
    String path = q < 0 ? text : text.substring(0, q);
    String query = "", fragment = "";
    if (q >= 0) {
      String rest = text.substring(q);
      int hash = rest.indexOf('#');
      if (rest.charAt(0) == '?') query = hash < 0 ? rest.substring(1) : rest.substring(1, hash);
      if (hash >= 0) fragment = percentDecode(rest.substring(hash + 1));
    }
    if (!path.startsWith("/"))
      throw new FlakeRefException("flake reference '" + text + "' is not an absolute path");
    Url url = parseUrl("path:" + path + (query.isEmpty() ? "" : "?" + query));
    String dir = url.query.remove("dir");
    TreeMap<String, Object> attrs = fromUrl(url, text);
    if (dir != null && !dir.isEmpty()) attrs.put("dir", dir);
    attrs.put("#fragment", fragment);
    return attrs;
  }

  // ----------------------------------------------------------------------------------------------
  // print

  /** The URL form of an exploded flake reference. */
  static String toUrl(Map<String, Object> input) {
    TreeMap<String, Object> attrs = new TreeMap<>(input);
    Object dirValue = attrs.remove("dir");
    Object typeValue = attrs.get("type");
    if (typeValue == null)
      throw new FlakeRefException("attribute 'type' is missing in input specification");
    if (!(typeValue instanceof String type)) {
      throw new FlakeRefException("attribute 'type' of input specification must be a string");
    }
    Set<String> allowed = ALLOWED.get(type);
    if (allowed == null) throw new FlakeRefException("unsupported input type '" + type + "'");
    for (String k : attrs.keySet()) {
      if (!k.equals("type") && !allowed.contains(k)) {
        throw new FlakeRefException(
            "input attribute '" + k + "' not supported by scheme '" + type + "'");
      }
    }
    Url url =
        switch (type) {
          case "github", "gitlab", "sourcehut" -> {
            List<String> path = new ArrayList<>(List.of(str(attrs, "owner"), str(attrs, "repo")));
            if (attrs.containsKey("ref")) path.add(str(attrs, "ref"));
            if (attrs.containsKey("rev")) path.add(str(attrs, "rev"));
            TreeMap<String, String> q = new TreeMap<>();
            if (attrs.containsKey("narHash")) q.put("narHash", str(attrs, "narHash"));
            if (attrs.containsKey("host")) q.put("host", str(attrs, "host"));
            yield new Url(type, null, encodePath(path), q, "");
          }
          case "indirect" -> {
            List<String> path = new ArrayList<>(List.of(str(attrs, "id")));
            if (attrs.containsKey("ref")) path.add(str(attrs, "ref"));
            if (attrs.containsKey("rev")) path.add(str(attrs, "rev"));
            yield new Url("flake", null, encodePath(path), new TreeMap<>(), "");
          }
          case "path" -> {
            TreeMap<String, String> q = new TreeMap<>();
            attrs.forEach(
                (k, v) -> {
                  if (!k.equals("type") && !k.equals("path")) q.put(k, queryValue(v));
                });
            yield new Url(
                "path", null, encodePath(List.of(str(attrs, "path").split("/", -1))), q, "");
          }
          case "git" -> {
            Url base = parseUrl(str(attrs, "url"));
            if (base == null)
              throw new FlakeRefException("'" + str(attrs, "url") + "' is not a valid URL");
            TreeMap<String, String> q = new TreeMap<>(base.query);
            attrs.forEach(
                (k, v) -> {
                  if (GIT_STRINGS.contains(k)) q.put(k, queryValue(v));
                  else if (GIT_BOOLS.contains(k) && Boolean.TRUE.equals(v)) q.put(k, "1");
                });
            String scheme = base.scheme.equals("git") ? "git" : "git+" + base.scheme;
            yield new Url(scheme, base.authority, base.path, q, "");
          }
          default -> { // file, tarball
            Url base = parseUrl(str(attrs, "url"));
            if (base == null)
              throw new FlakeRefException("'" + str(attrs, "url") + "' is not a valid URL");
            TreeMap<String, String> q = new TreeMap<>(base.query);
            if (attrs.containsKey("narHash")) q.put("narHash", str(attrs, "narHash"));
            yield new Url(base.scheme, base.authority, base.path, q, "");
          }
        };
    if (dirValue != null && !"".equals(dirValue))
      url.query.putIfAbsent("dir", queryValue(dirValue));
    return url.render();
  }

  private static String str(Map<String, Object> attrs, String name) {
    Object v = attrs.get(name);
    if (v == null)
      throw new FlakeRefException("attribute '" + name + "' is missing in input specification");
    if (!(v instanceof String s))
      throw new FlakeRefException("attribute '" + name + "' must be a string");
    return s;
  }

  private static String queryValue(Object v) {
    if (v instanceof Boolean b) return b ? "1" : "0";
    return String.valueOf(v);
  }

  // ----------------------------------------------------------------------------------------------
  // text

  private static List<String> segments(String path) {
    List<String> out = new ArrayList<>();
    for (String s : path.split("/")) if (!s.isEmpty()) out.add(s);
    return out;
  }

  private static long unsigned(String s, String text) {
    try {
      long n = Long.parseLong(s);
      if (n >= 0) return n;
    } catch (NumberFormatException e) {
      // fall through
    }
    throw new FlakeRefException("invalid integer '" + s + "' in flake reference '" + text + "'");
  }

  private static int indexOfAny(String s, String chars) {
    for (int i = 0; i < s.length(); i++) if (chars.indexOf(s.charAt(i)) >= 0) return i;
    return -1;
  }

  private static String encodePath(List<String> segments) {
    List<String> enc = new ArrayList<>();
    for (String s : segments) enc.add(percentEncode(s, ":@"));
    return String.join("/", enc);
  }

  private static String encodeQuery(Map<String, String> query) {
    StringBuilder sb = new StringBuilder();
    query.forEach(
        (k, v) -> {
          if (sb.length() > 0) sb.append('&');
          sb.append(percentEncode(k, ":@/?")).append('=').append(percentEncode(v, ":@/?"));
        });
    return sb.toString();
  }

  /** RFC 3986 percent-encoding, keeping unreserved characters and those in {@code keep}. */
  static String percentEncode(String s, String keep) {
    StringBuilder sb = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || "-._~".indexOf(c) >= 0
          || (c < 0x80 && keep.indexOf(c) >= 0)) {
        sb.append(c);
      } else {
        sb.append('%')
            .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
      }
    }
    return sb.toString();
  }

  static String percentDecode(String s) {
    if (s.indexOf('%') < 0) return s;
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    int start = 0;
    for (int i = 0; i + 2 < s.length(); i++) {
      if (s.charAt(i) == '%' && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
        out.writeBytes(s.substring(start, i).getBytes(StandardCharsets.UTF_8));
        out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
        i += 2;
        start = i + 1;
      }
    }
    out.writeBytes(s.substring(start).getBytes(StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8);
  }

  private static boolean isHex(char c) {
    return Character.digit(c, 16) >= 0;
  }
}
