package org.modsvc.agent.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * How the modules are evaluated: the commands that evaluate them ({@code build}, {@code switch},
 * {@code diff}, {@code options}).
 */
final class EvaluationOptions {
  @Option(
      names = "--lib",
      paramLabel = "PATH",
      description = "Evaluate with this nixpkgs lib directory instead of modsvc's own lib.")
  Path lib;

  @Option(names = "--show-trace", description = "Show the whole trace of an evaluation error.")
  boolean showTrace;
}
