package org.modsvc.agent.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The layering the build checks (issue 18). No package cycle in any module: the packages of the
 * evaluator, the switcher and the agent, with the class-level dependencies {@code jdeps} reads from
 * their compiled classes, form no strongly connected component of more than one package. A failure
 * names the packages of each cycle and, for every dependency inside it, the classes that make it.
 */
class ArchitectureTest {
  private static final Pattern EDGE =
      Pattern.compile("^\\s+(org\\.modsvc\\.\\S+)\\s+->\\s+(org\\.modsvc\\.\\S+)\\s");

  /**
   * Package → packages it depends on, and for each dependency the classes that make it, as jdeps
   * reads them.
   */
  private record Dependencies(Map<String, Set<String>> graph, Map<String, Set<String>> because) {}

  private static Dependencies read() throws Exception {
    Optional<ToolProvider> jdeps = ToolProvider.findFirst("jdeps");
    assumeTrue(jdeps.isPresent(), "this JDK has no jdeps tool to read class dependencies with");
    List<String> args = new ArrayList<>(List.of("-verbose:class", "-filter:none"));
    for (Class<?> c :
        List.of(
            org.modsvc.nix.Evaluation.class,
            org.modsvc.switcher.activation.Activation.class,
            org.modsvc.agent.cli.Main.class)) {
      args.add(location(c).toString());
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int rc =
        jdeps.get().run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
    assertEquals(0, rc, "jdeps failed: " + err);

    Map<String, Set<String>> graph = new TreeMap<>();
    Map<String, Set<String>> because = new TreeMap<>();
    for (String line : out.toString().split("\n")) {
      Matcher m = EDGE.matcher(line);
      if (!m.find()) continue;
      String from = packageOf(m.group(1));
      String to = packageOf(m.group(2));
      graph.computeIfAbsent(to, k -> new TreeSet<>());
      graph.computeIfAbsent(from, k -> new TreeSet<>()).add(to);
      if (!from.equals(to)) {
        because
            .computeIfAbsent(from + " -> " + to, k -> new TreeSet<>())
            .add(simple(m.group(1)) + " -> " + simple(m.group(2)));
      }
    }
    assertFalse(graph.isEmpty(), "jdeps listed no dependency at all: " + out);
    return new Dependencies(graph, because);
  }

  /** At most five of the classes making a dependency, and how many there are. */
  private static String examples(Set<String> classes) {
    List<String> list = new ArrayList<>(classes);
    return String.join(", ", list.subList(0, Math.min(5, list.size())))
        + (list.size() > 5 ? ", … (" + list.size() + " in all)" : "");
  }

  /**
   * The command line reaches the evaluator through its front door only ({@code org.modsvc.nix}),
   * plus the types its results and errors are made of ({@code value}, {@code source}, {@code
   * error}) and JSON quoting ({@code format}).
   */
  @Test
  void commandLine_reachesTheEvaluatorThroughItsFrontDoorOnly() throws Exception {
    Dependencies deps = read();
    Set<String> allowed =
        Set.of(
            "org.modsvc.nix",
            "org.modsvc.nix.value",
            "org.modsvc.nix.source",
            "org.modsvc.nix.error",
            "org.modsvc.nix.format");
    StringBuilder report = new StringBuilder();
    for (Map.Entry<String, Set<String>> e : deps.graph().entrySet()) {
      if (!e.getKey().startsWith("org.modsvc.agent")) continue;
      for (String to : e.getValue()) {
        if (to.startsWith("org.modsvc.nix") && !allowed.contains(to)) {
          report
              .append(e.getKey())
              .append(" -> ")
              .append(to)
              .append(": ")
              .append(examples(deps.because().get(e.getKey() + " -> " + to)))
              .append('\n');
        }
      }
    }
    assertEquals("", report.toString());
  }

  @Test
  void noModuleHasAPackageCycle() throws Exception {
    Dependencies deps = read();
    Map<String, Set<String>> graph = deps.graph();
    Map<String, Set<String>> because = deps.because();
    StringBuilder report = new StringBuilder();
    for (Set<String> cycle : stronglyConnected(graph)) {
      if (cycle.size() < 2) continue;
      report.append("cycle: ").append(cycle).append('\n');
      for (String from : cycle) {
        for (String to : graph.get(from)) {
          if (cycle.contains(to) && !to.equals(from)) {
            report
                .append("  ")
                .append(from)
                .append(" -> ")
                .append(to)
                .append(": ")
                .append(examples(because.get(from + " -> " + to)))
                .append('\n');
          }
        }
      }
    }
    assertEquals("", report.toString());
  }

  /** Where a class was loaded from: its module's classes directory (or jar). */
  private static Path location(Class<?> c) throws URISyntaxException {
    return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  /** The package of a class name ({@code a.b.C$D} → {@code a.b}). */
  private static String packageOf(String className) {
    return className.substring(0, className.lastIndexOf('.'));
  }

  private static String simple(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }

  /** Tarjan's algorithm: the strongly connected components of {@code graph}. */
  private static List<Set<String>> stronglyConnected(Map<String, Set<String>> graph) {
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    Deque<String> stack = new ArrayDeque<>();
    Set<String> onStack = new java.util.HashSet<>();
    List<Set<String>> components = new ArrayList<>();
    int[] counter = {0};
    for (String v : graph.keySet()) {
      if (!index.containsKey(v)) connect(v, graph, index, low, stack, onStack, components, counter);
    }
    return components;
  }

  private static void connect(
      String v,
      Map<String, Set<String>> graph,
      Map<String, Integer> index,
      Map<String, Integer> low,
      Deque<String> stack,
      Set<String> onStack,
      List<Set<String>> components,
      int[] counter) {
    index.put(v, counter[0]);
    low.put(v, counter[0]);
    counter[0]++;
    stack.push(v);
    onStack.add(v);
    for (String w : graph.get(v)) {
      if (!index.containsKey(w)) {
        connect(w, graph, index, low, stack, onStack, components, counter);
        low.put(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.contains(w)) {
        low.put(v, Math.min(low.get(v), index.get(w)));
      }
    }
    if (low.get(v).equals(index.get(v))) {
      Set<String> component = new TreeSet<>();
      String w;
      do {
        w = stack.pop();
        onStack.remove(w);
        component.add(w);
      } while (!w.equals(v));
      components.add(component);
    }
  }
}
