package org.modsvc.agent.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code modsvc-agent}: dispatches to the subcommands. */
@Command(
    name = "modsvc-agent",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "On-host agent bringing NixOS modular services to ordinary systemd hosts.")
public final class Main implements Runnable {
  /** The project version, kept in one place (the jar manifest is not filtered by the build). */
  public static final String VERSION = "0.1.0-SNAPSHOT";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    // No subcommand: show what exists instead of doing nothing silently.
    throw new CommandLine.ParameterException(
        spec.commandLine(), "missing subcommand (try 'eval' or 'switch')");
  }

  public static void main(String[] args) {
    EvaluatorPreload.start();
    PrintStream err =
        new PrintStream(
            TerminalEscapes.forStderr(new FileOutputStream(FileDescriptor.err), System.getenv()),
            false,
            StandardCharsets.UTF_8);
    System.exit(run(args, utf8(FileDescriptor.out), err));
  }

  /** Runs the command line with the given streams and returns the exit status (for tests, too). */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, out, err, System.getenv());
  }

  /**
   * As {@link #run(String[], PrintStream, PrintStream)}, reading {@code env} instead of the process
   * environment.
   */
  public static int run(
      String[] args, PrintStream out, PrintStream err, java.util.Map<String, String> env) {
    CommandLine cl = commandLine(out, err, env, args);
    int rc = cl.execute(args);
    out.flush();
    err.flush();
    return rc;
  }

  /**
   * The subcommands by name (each command's {@code @Command} name; MainTest checks they agree), as
   * help lists them.
   */
  static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

  private static Map<String, Class<?>> subcommands() {
    Map<String, Class<?>> m = new LinkedHashMap<>();
    m.put("eval", EvalCommand.class);
    m.put("build", BuildCommand.class);
    m.put("switch", SwitchCommand.class);
    m.put("diff", DiffCommand.class);
    m.put("rollback", RollbackCommand.class);
    m.put("generations", GenerationsCommand.class);
    m.put("gc", GcCommand.class);
    m.put("options", OptionsCommand.class);
    m.put("status", StatusCommand.class);
    m.put("daemon", DaemonCommand.class);
    m.put("help", CommandLine.HelpCommand.class);
    return Collections.unmodifiableMap(m);
  }

  /**
   * The subcommands {@code args} needs: only the one its first word names, when that is a command
   * other than {@code help}. Building picocli's model of a command (annotations read by reflection,
   * in code not compiled yet) cost ~25 ms of every start for the eight commands not run; help and a
   * missing or unknown subcommand (whose error lists the others) still get all of them.
   */
  static Collection<Class<?>> subcommandsFor(String[] args) {
    String first = null;
    for (String a : args) {
      if (!a.startsWith("-")) {
        first = a;
        break;
      }
    }
    Class<?> named = first == null || first.equals("help") ? null : SUBCOMMANDS.get(first);
    return named != null ? List.of(named) : SUBCOMMANDS.values();
  }

  /**
   * The whole command line, every subcommand included, as picocli models it: what the build
   * generates the man page and the shell completion from (packaging/), so that they never drift
   * from the options the agent accepts.
   */
  public static CommandLine describe() {
    return commandLine(System.out, System.err, Map.of(), new String[0]);
  }

  static CommandLine commandLine(
      PrintStream out, PrintStream err, java.util.Map<String, String> env, String[] args) {
    CommandLine.IFactory defaults = CommandLine.defaultFactory();
    CommandLine.IFactory factory =
        new CommandLine.IFactory() {
          @Override
          public <K> K create(Class<K> cls) throws Exception {
            K made = make(cls);
            // The commands' shared options are a mixin made by this factory too: it carries the
            // environment.
            if (made instanceof SwitchContext c) c.env = env;
            return made;
          }

          @SuppressWarnings("unchecked")
          private <K> K make(Class<K> cls) throws Exception {
            if (cls == EvalCommand.class) return (K) new EvalCommand(out, err);
            if (cls == BuildCommand.class) return (K) new BuildCommand(out, err);
            if (cls == SwitchCommand.class) return (K) new SwitchCommand(out, err);
            if (cls == DiffCommand.class) return (K) new DiffCommand(out, err);
            if (cls == RollbackCommand.class) return (K) new RollbackCommand(out, err);
            if (cls == GenerationsCommand.class) return (K) new GenerationsCommand(out, err);
            if (cls == GcCommand.class) return (K) new GcCommand(out, err);
            if (cls == OptionsCommand.class) return (K) new OptionsCommand(out, err);
            if (cls == StatusCommand.class) return (K) new StatusCommand(out, err);
            if (cls == DaemonCommand.class) return (K) new DaemonCommand(err, env);
            return defaults.create(cls);
          }
        };
    CommandLine cl = new CommandLine(new Main(), factory);
    for (Class<?> c : subcommandsFor(args)) cl.addSubcommand(new CommandLine(c, factory));
    // Test harnesses append their own flags to a case's flags ("--strict" twice): Nix accepts that.
    cl.setOverwrittenOptionsAllowed(true);
    cl.setOut(new java.io.PrintWriter(out, true));
    cl.setErr(new java.io.PrintWriter(err, true));
    // nix-instantiate exits 1 on bad flags; picocli's default would be 2.
    cl.setParameterExceptionHandler(
        (ex, a) -> {
          CommandLine c = ex.getCommandLine();
          c.getErr().println("error: " + ex.getMessage());
          c.getErr()
              .println(
                  "Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
          return 1;
        });
    cl.setExecutionExceptionHandler(
        (ex, c, parsed) -> {
          c.getErr().println("error: internal error: " + ex);
          if ("1".equals(System.getenv("MODSVC_DEBUG"))) ex.printStackTrace(err);
          return 1;
        });
    return cl;
  }

  /**
   * The JVM encodes System.out with the locale's charset (ASCII under LANG=C); Nix output is UTF-8.
   */
  static PrintStream utf8(FileDescriptor fd) {
    return new PrintStream(new FileOutputStream(fd), false, StandardCharsets.UTF_8);
  }

  /** {@code --version} text. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"modsvc-agent " + VERSION};
    }
  }
}
