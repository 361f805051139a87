/**
 * Data formats and textual conventions used by Nix builtins, as plain Java values: {@link
 * org.modsvc.nix.format.TomlParser} ({@code builtins.fromTOML}), {@link
 * org.modsvc.nix.format.JsonParser} ({@code builtins.fromJSON}), {@link
 * org.modsvc.nix.format.JsonWriter} (strings and floats in {@code builtins.toJSON}), {@link
 * org.modsvc.nix.format.Versions} ({@code compareVersions}, {@code splitVersion}, {@code
 * parseDrvName}) and {@link org.modsvc.nix.format.FloatFormat} (float to text).
 *
 * <p><b>Value mapping.</b> Parsers return {@code LinkedHashMap<String,Object>} for attribute sets,
 * {@code List<Object>} for lists, {@code Long} for integers, {@code Double} for floats, {@code
 * Boolean}, {@code String} and {@code null}; TOML date/times are {@link
 * org.modsvc.nix.format.TomlParser.Timestamp} records, which the caller turns into {@code { _type =
 * "timestamp"; value = …; }} when the experimental feature {@code parse-toml-timestamps} is on.
 *
 * <p><b>Upstream behaviour mirrored.</b> Current Nix (the language test-suite's version): fromJSON
 * and toJSON go through nlohmann::json (its number rules, its escaping, its shortest round-trip
 * floats); fromTOML uses toml11 (its timestamp normalisation and error layout); version logic is
 * {@code src/libstore/names.cc}; floats print with C++ {@code std::to_string} ({@code toString}) or
 * {@code ostream <<} ({@code %g}, value printing). Where Nix 2.8 differed (it printed toJSON floats
 * with {@code %g} and escaped backspace/form feed as backslash-u0008/backslash-u000c rather than
 * {@code \b}/{@code \f}), the current behaviour is implemented and the difference documented.
 * Strings with NUL characters are rejected with Nix's message.
 *
 * <p><b>Error contract.</b> {@link org.modsvc.nix.format.JsonException} and {@link
 * org.modsvc.nix.format.TomlException} carry Nix's message text; for TOML the caller prefixes
 * {@code while parsing TOML: }.
 */
package org.modsvc.nix.format;
