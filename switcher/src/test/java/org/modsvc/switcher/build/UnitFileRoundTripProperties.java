package org.modsvc.switcher.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.modsvc.switcher.unit.Assignment;
import org.modsvc.switcher.unit.UnitFileParser;
import org.modsvc.switcher.unit.UnitFragment;

/**
 * The unit-file renderer ({@link UnitFileText}) and our parser ({@link UnitFileParser}, which reads unit files as
 * systemd does) agree (issue 17): any unit either is refused by the renderer or parses back to exactly its
 * sections and lines. A value that came back different would be a line systemd reads differently from what the
 * modules asked for.
 */
class UnitFileRoundTripProperties {
  /** Characters that matter to the unit-file syntax, mixed with ordinary ones. */
  private static final char[] SPECIAL = {
    '\n', '\r', '\0', '\\', ' ', '\t', '\u000b', '\u000c', '\u001f', '\u0085', '\u00a0', '\u2028', '\u3000', '\uFEFF',
    '#', ';', '[', ']', '=', '"', '\'', '%', '$', '@', '-', '+', '!', ':', '|',
  };

  /** Strings rich in the characters above: half of their characters are special, the rest letters or anything. */
  private static Arbitrary<String> text() {
    Arbitrary<Character> c = Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.of(SPECIAL)),
        Tuple.of(3, Arbitraries.chars().range('a', 'z')), Tuple.of(2, Arbitraries.chars()));
    return c.list().ofMaxSize(12).map(cs -> {
      StringBuilder sb = new StringBuilder();
      for (char ch : cs) sb.append(ch);
      return sb.toString();
    });
  }

  /** Mostly valid names, sometimes anything. */
  private static Arbitrary<String> name() {
    Arbitrary<String> valid = Combinators.combine(Arbitraries.chars().range('A', 'Z'),
        Arbitraries.strings().withCharRange('a', 'z').withChars('-', '_', '0').ofMaxLength(10)).as((c, s) -> c + s);
    return Arbitraries.frequencyOf(Tuple.of(9, valid), Tuple.of(1, text()));
  }

  @Provide
  Arbitrary<UnitSpec> units() {
    Arbitrary<List<String>> sections = name().list().ofMinSize(1).ofMaxSize(4)
        .map(l -> List.copyOf(new LinkedHashSet<>(l)));
    return sections.flatMap(secs -> {
      Arbitrary<String> section = Arbitraries.frequencyOf(Tuple.of(19, Arbitraries.of(secs)),
          Tuple.of(1, name()));
      Arbitrary<UnitLine> line = Combinators.combine(section, name(), text()).as(UnitLine::new);
      return line.list().ofMaxSize(8).map(lines -> new UnitSpec("p.service", "service", "system.services.p", false,
          List.of(), List.of(), List.of(), List.of(), secs, lines));
    });
  }

  @Property(tries = 1000)
  void renderedUnitsParseBackExactlyOrAreRefused(@ForAll("units") UnitSpec unit) {
    String text;
    try {
      text = UnitFileText.render(unit);
    } catch (BuildException refused) {
      return;
    }
    UnitFragment parsed = UnitFileParser.parse("/etc/systemd/system/p.service", text);
    assertEquals(unit.sections(), parsed.sections(), text);
    List<UnitLine> expected = new ArrayList<>();
    for (String s : unit.sections()) {
      for (UnitLine l : unit.lines()) if (l.section().equals(s)) expected.add(l);
    }
    List<UnitLine> got = new ArrayList<>();
    for (Assignment a : parsed.assignments()) got.add(new UnitLine(a.section(), a.key(), a.value()));
    assertEquals(expected, got, text);
  }
}
