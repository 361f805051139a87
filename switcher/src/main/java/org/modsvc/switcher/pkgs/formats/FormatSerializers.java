package org.modsvc.switcher.pkgs.formats;

import java.util.Map;
import org.modsvc.nix.format.JsonParser;

/** Dispatches {@code serialize format options value} of the Nix half of {@code pkgs.formats}. */
public final class FormatSerializers {
  private FormatSerializers() {}

  /**
   * The text of the file {@code format} writes for {@code valueJson} (a JSON document, as {@code
   * builtins.toJSON} writes it) with {@code optionsJson} (a JSON object of the format's
   * parameters).
   *
   * @throws IllegalArgumentException for an unknown format or a value the format cannot hold, with
   *     a message for the user
   */
  public static String serialize(String format, String optionsJson, String valueJson) {
    Map<String, Object> options = JsonValues.object(JsonParser.parse(optionsJson), "options");
    // json2cdn reads the JSON text itself, with a reader of its own.
    if (format.equals("cdn")) return CdnWriter.write(valueJson);
    Object value = JsonParser.parse(valueJson);
    return switch (format) {
      case "json" -> JqWriter.write(value);
      case "yaml-1.1" -> YamlWriter.write(value, YamlWriter.Version.V1_1);
      case "yaml-1.2" -> YamlWriter.write(value, YamlWriter.Version.V1_2);
      case "toml" -> TomlWriter.write(value);
      case "java-properties" ->
          JavaPropertiesWriter.write(value, JsonValues.string(options.get("comment"), "comment"));
      case "python-vars" -> PythonVarsWriter.write(value);
      case "configobj" -> ConfigObjWriter.write(value);
      case "lua" -> LuaWriter.write(value, options);
      case "elixir-conf" -> ElixirConfWriter.write(value);
      case "hocon" -> HoconWriter.write(value);
      case "libconfig" -> LibconfigWriter.write(value);
      case "xml" -> XmlWriter.write(value, Boolean.TRUE.equals(options.get("withHeader")));
      default -> throw new IllegalArgumentException("unknown format '" + format + "'");
    };
  }
}
