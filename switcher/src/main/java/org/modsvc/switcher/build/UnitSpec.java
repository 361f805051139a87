package org.modsvc.switcher.build;

import java.util.List;
import org.modsvc.switcher.unit.UnitLine;

/**
 * A unit as the modules produced it.
 *
 * @param name the unit file name ({@code foo.service})
 * @param origin the option that defined it ({@code system.services.foo}), for error messages
 * @param masked {@code enable = false}: the unit becomes a link to {@code /dev/null}
 * @param sections the section headers in file order, empty ones included (NixOS always writes
 *     {@code [Unit]})
 * @param lines the file's lines in final order
 */
public record UnitSpec(
    String name,
    String kind,
    String origin,
    boolean masked,
    List<String> aliases,
    List<String> wantedBy,
    List<String> requiredBy,
    List<String> upheldBy,
    List<String> sections,
    List<UnitLine> lines) {
  public UnitSpec {
    sections = List.copyOf(sections);
    aliases = List.copyOf(aliases);
    wantedBy = List.copyOf(wantedBy);
    requiredBy = List.copyOf(requiredBy);
    upheldBy = List.copyOf(upheldBy);
    lines = List.copyOf(lines);
  }
}
