package org.modsvc.switcher.fs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/**
 * Any path string, under any arrangement of symlinks inside a root (absolute, relative, climbing above the
 * root, pointing at a directory outside it, looping), either resolves to a place inside the root or is refused.
 * "Inside" is checked on disk: the deepest existing directory of the result, with every link resolved by the
 * kernel, lies below the root.
 */
class RootPrefixProperties {

    private static final List<String> NAMES = List.of("etc", "systemd", "var", "a", "b", "l1", "l2", "l3");
    private static final List<String> STEPS = List.of("etc", "a", "l1", "l2", "..", ".", "", "outside");

    @Provide
    Arbitrary<String> pathStrings() {
        Arbitrary<String> component = Arbitraries.oneOf(Arbitraries.of(NAMES), Arbitraries.of("", ".", "..", "x\0y"),
                Arbitraries.strings().ofMinLength(0).ofMaxLength(6));
        return component.list().ofMaxSize(8).map(cs -> "/" + String.join("/", cs));
    }

    @Provide
    Arbitrary<List<Tuple2<String, String>>> links() {
        Arbitrary<String> where = Arbitraries.of(NAMES).list().ofMinSize(1).ofMaxSize(3).map(cs -> String.join("/", cs));
        Arbitrary<String> target = Arbitraries.oneOf(
                Arbitraries.of(NAMES).list().ofMinSize(1).ofMaxSize(3).map(cs -> String.join("/", cs)),
                Arbitraries.of("..", "../..", "../../../..", "/", "/etc", "OUTSIDE", "../../outside", "../../../../outside",
                        "l1", "/l2/l3"),
                Arbitraries.of(STEPS).list().ofMinSize(1).ofMaxSize(5).map(cs -> String.join("/", cs))
                        .filter(t -> !t.isEmpty()));
        return Combinators.combine(where, target).as(Tuple::of).list().ofMaxSize(6);
    }

    @Property(tries = 300)
    void anyPath_resolvesInsideTheRootOrIsRefused(@ForAll("pathStrings") String path,
                                                  @ForAll("links") List<Tuple2<String, String>> links) throws IOException {
        Path top = Files.createTempDirectory("rootprefix");
        try {
            Path outside = Files.createDirectory(top.resolve("outside"));
            Path root = Files.createDirectory(top.resolve("root"));
            Files.createDirectories(root.resolve("etc/systemd"));
            for (Tuple2<String, String> l : links) {
                Path at = root.resolve(l.get1());
                try {
                    Files.createDirectories(at.getParent());
                    // OUTSIDE: the absolute path of a real directory beside the root, as a hostile image would hold
                    Files.createSymbolicLink(at, Path.of(l.get2().equals("OUTSIDE") ? outside.toString() : l.get2()));
                } catch (IOException taken) {
                    // an earlier link or directory holds that place (or a link on the way leads nowhere): skip it
                }
            }
            HostPath host;
            try {
                host = HostPath.of(path);
            } catch (IllegalArgumentException refused) {
                return;
            }
            RootPrefix prefix = new RootPrefix(root);
            try {
                assertInside(root, prefix.directory(host));
                Path entry = prefix.entry(host);
                assertInside(root, entry.equals(root) ? root : entry.getParent());
            } catch (FileSystemException refused) {
                assertTrue(refused.getMessage().contains("Too many levels of symbolic links"), refused.getMessage());
            }
        } finally {
            FileTrees.delete(top);
        }
    }

    private static void assertInside(Path root, Path resolved) throws IOException {
        assertTrue(resolved.normalize().startsWith(root), resolved + " is lexically outside " + root);
        Path existing = resolved;
        while (!Files.exists(existing)) { // following links, as the kernel will when something is created there
            existing = existing.getParent();
        }
        Path real = existing.toRealPath();
        assertTrue(real.startsWith(root.toRealPath()), resolved + " is really " + real + ", outside " + root);
    }
}
