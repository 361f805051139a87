package org.modsvc.agent.cli;

import org.modsvc.switcher.build.UnitValidator;
import picocli.CommandLine.Option;

/** The checks of the unit files before anything is written (see {@link UnitValidator}). */
final class UnitCheckOptions {
  @Option(
      names = "--unit-keys",
      paramLabel = "error|warn",
      defaultValue = "error",
      converter = KeyPolicyConverter.class,
      description =
          "Unit keys or values systemd 252 does not know: an error (default) or, for newer systemd "
              + "versions, a warning.")
  UnitValidator.KeyPolicy unitKeys = UnitValidator.KeyPolicy.ERROR;

  @Option(
      names = "--strict-paths",
      description =
          "A service whose ExecStart program does not exist or is not executable is an error, not a warning.")
  boolean strictPaths;

  UnitValidator.Settings settings() {
    return new UnitValidator.Settings(unitKeys, strictPaths);
  }

  /** {@code error} / {@code warn}, in the command line's lower case. */
  static final class KeyPolicyConverter
      implements picocli.CommandLine.ITypeConverter<UnitValidator.KeyPolicy> {
    @Override
    public UnitValidator.KeyPolicy convert(String value) {
      return switch (value) {
        case "error" -> UnitValidator.KeyPolicy.ERROR;
        case "warn" -> UnitValidator.KeyPolicy.WARN;
        default ->
            throw new picocli.CommandLine.TypeConversionException(
                "expected 'error' or 'warn', got '" + value + "'");
      };
    }
  }
}
