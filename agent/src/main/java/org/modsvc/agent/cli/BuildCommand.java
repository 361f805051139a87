package org.modsvc.agent.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.modsvc.switcher.activation.Activation;
import org.modsvc.switcher.activation.ExitCode;
import org.modsvc.switcher.activation.SwitchException;
import org.modsvc.switcher.activation.SwitchOptions;
import org.modsvc.switcher.build.Built;
import org.modsvc.switcher.config.ConfigurationSource;
import org.modsvc.switcher.generation.ApplyReport;
import org.modsvc.switcher.generation.Checkpoint;
import org.modsvc.switcher.generation.DesiredFile;
import org.modsvc.switcher.generation.GenerationSwitcher;
import org.modsvc.switcher.generation.Layout;
import org.modsvc.switcher.plan.SwitchMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code modsvc-agent build}: evaluates the modules and writes the whole would-be tree (units,
 * links, configData links, store entries, the generation and its manifest) under {@code --root},
 * without talking to systemd ({@link Activation#buildFiles}). Requires {@code --root}: putting
 * files in place live is {@code switch}'s job. The warm measurement of its evaluation is {@link
 * BuildBench}, a main of its own.
 */
@Command(
    name = "build",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    sortOptions = false,
    description =
        "Evaluate the modules and write the resulting files under --root DIR, without touching systemd. "
            + "Exit 0 ok, 1 usage/fatal, 2 configuration error (nothing written).")
final class BuildCommand extends SwitchingCommand {
  @Mixin ConfigurationOptions configuration;

  @Option(
      names = "--force",
      description = "Back up unmanaged files in the way (<path>.modsvc-backup).")
  boolean force;

  BuildCommand(PrintStream out, PrintStream err) {
    super(out, err);
  }

  @Override
  int run() throws IOException {
    if (context.root == null) {
      throw new SwitchException(
          ExitCode.FATAL,
          "build writes its files under --root DIR; use 'switch' to activate",
          null);
    }
    Layout layout = context.layout();
    ConfigurationSource source = configuration.source(context, layout, err);
    Activation activation =
        Activation.withoutManager(
            new GenerationSwitcher(layout),
            context.user ? SwitchMode.USER : SwitchMode.SYSTEM,
            SwitchOptions.defaults().withForce(force),
            Checkpoint.NONE,
            line -> err.println("modsvc: " + line));
    Activation.FilesWritten written = activation.buildFiles(source);
    for (String w : written.warnings()) err.println("warning: " + w);
    Built built = written.built();
    ApplyReport report = written.applied();
    if (context.json) {
      out.print(JsonText.of(data(layout, built, report)));
    } else {
      out.println(
          "generation "
              + report.to()
              + " under "
              + layout.root()
              + ": "
              + built.state().files().size()
              + " files ("
              + report.diff().added().size()
              + " added, "
              + report.diff().changed().size()
              + " changed, "
              + report.diff().removed().size()
              + " removed)");
    }
    return ExitCode.OK;
  }

  private static Map<String, Object> data(Layout layout, Built built, ApplyReport report) {
    List<Object> files = new ArrayList<>();
    for (DesiredFile f : built.state().files().values()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("path", f.path().toString());
      if (f instanceof DesiredFile.Regular r) {
        m.put("kind", "file");
        m.put("mode", String.format("%04o", r.mode()));
        m.put("content", new String(r.bytes(), StandardCharsets.UTF_8));
      } else if (f instanceof DesiredFile.Symlink l) {
        m.put("kind", "symlink");
        m.put("target", l.target());
      }
      files.add(m);
    }
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("generation", report.to());
    d.put("root", layout.root().toString());
    d.put("mode", layout.mode() == Layout.Mode.SYSTEM ? "system" : "user");
    d.put("files", files);
    d.put("warnings", built.warnings());
    return d;
  }
}
