package org.modsvc.nix.value;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class NixAttrsTest {
  private static NixAttrs set(String... names) {
    NixAttrs.Builder b = NixAttrs.builder();
    for (String n : names) b.put(n, NixString.of(n));
    return b.build();
  }

  @Test
  void build_sortsUnsortedNames() {
    assertArrayEquals(new String[] {"a", "b", "c", "d", "e"}, set("d", "b", "e", "a", "c").names());
  }

  @Test
  void build_lastPutWins_whenNamesRepeat() {
    NixAttrs a =
        NixAttrs.builder()
            .put("y", NixInt.of(1))
            .put("x", NixInt.of(2))
            .put("y", NixInt.of(3))
            .build();
    assertArrayEquals(new String[] {"x", "y"}, a.names());
    assertEquals(NixInt.of(3), a.get("y"));
  }

  @Test
  void build_firstPutWins_whenAskedFor() {
    NixAttrs.Builder b = NixAttrs.builder();
    for (int i = 0; i < 20; i++) b.put("k" + (i % 7), NixInt.of(i));
    NixAttrs a = b.build(true);
    assertEquals(7, a.size());
    for (int i = 0; i < 7; i++) assertEquals(NixInt.of(i), a.get("k" + i));
  }

  @Test
  void update_rightSideWins_andResultHasExactSize() {
    NixAttrs r =
        set("a", "b", "c")
            .update(NixAttrs.builder().put("b", NixInt.of(9)).put("d", NixInt.of(4)).build());
    assertArrayEquals(new String[] {"a", "b", "c", "d"}, r.names());
    assertEquals(4, r.values().length);
    assertEquals(NixInt.of(9), r.get("b"));
  }

  @Test
  void update_mergesLargeSetsWithOverlap() {
    NixAttrs left = set("a", "c", "e", "g", "i", "k");
    NixAttrs right = set("b", "c", "d", "e", "f", "z");
    NixAttrs r = left.update(right);
    assertArrayEquals(new String[] {"a", "b", "c", "d", "e", "f", "g", "i", "k", "z"}, r.names());
    assertSame(right.get("c"), r.get("c"));
  }

  @Test
  void update_manyDistinctLayouts_eachMergedCorrectly() {
    for (int i = 0; i < 3000; i++) {
      NixAttrs l = set("k" + i, "m", "z" + (i % 17));
      NixAttrs r =
          NixAttrs.builder().put("m", NixInt.of(i)).put("n" + (i % 5), NixInt.of(-i)).build();
      NixAttrs u = l.update(r);
      assertEquals(4, u.size());
      assertEquals(NixInt.of(i), u.get("m"));
      assertEquals(NixInt.of(-i), u.get("n" + (i % 5)));
      assertEquals(NixString.of("k" + i), u.get("k" + i));
    }
  }

  @Test
  void update_keepsPositionsOfTheWinningSide() {
    org.modsvc.nix.source.Span pa = new org.modsvc.nix.source.Span(null, 1, 2);
    org.modsvc.nix.source.Span pb = new org.modsvc.nix.source.Span(null, 3, 4);
    NixAttrs l =
        new NixAttrs(
            new String[] {"a", "b"},
            new Value[] {NixInt.of(1), NixInt.of(2)},
            new org.modsvc.nix.source.Span[] {pa, pa});
    NixAttrs r =
        new NixAttrs(
            new String[] {"b"}, new Value[] {NixInt.of(3)}, new org.modsvc.nix.source.Span[] {pb});
    NixAttrs u = l.update(r);
    assertSame(pa, u.positionOf("a"));
    assertSame(pb, u.positionOf("b"));
    assertSame(l.names(), u.names(), "replacing values only shares the names");
  }

  @Test
  void indexOfWithGuess_findsNameWhateverTheGuess() {
    NixAttrs a = set("a", "b", "c");
    for (int guess = 0; guess < 5; guess++) {
      assertEquals(2, a.indexOf("c", guess));
      assertEquals(-1, a.indexOf("x", guess));
    }
  }

  @Test
  void update_fewNamesIntoLargeSet_insertsAndReplacesInOrder() {
    NixAttrs left = set("b", "d", "f", "h", "j", "l", "n");
    NixAttrs right =
        NixAttrs.builder()
            .put("a", NixInt.of(1))
            .put("f", NixInt.of(2))
            .put("m", NixInt.of(3))
            .put("z", NixInt.of(4))
            .build();
    NixAttrs r = left.update(right);
    assertArrayEquals(new String[] {"a", "b", "d", "f", "h", "j", "l", "m", "n", "z"}, r.names());
    assertEquals(NixInt.of(2), r.get("f"));
    assertSame(left.get("n"), r.get("n"));
  }

  @Test
  void update_fewNamesIntoLargeSet_keepsBothSidesPositions() {
    org.modsvc.nix.source.Span here = new org.modsvc.nix.source.Span(null, 0, 0);
    NixAttrs left = set("a", "c", "e", "g", "i");
    NixAttrs right = NixAttrs.builder().put("c", NixInt.of(1), here).build();
    NixAttrs r = left.update(right);
    assertSame(here, r.positionOf("c"));
    assertEquals(null, r.positionOf("a"));
  }

  @Test
  void update_oneName_replacesOrInsertsAtEveryPlace() {
    org.modsvc.nix.source.Span here = new org.modsvc.nix.source.Span(null, 5, 6);
    NixAttrs left = set("b", "d", "f");
    for (String name : new String[] {"a", "b", "c", "d", "e", "f", "g"}) {
      NixAttrs right = NixAttrs.builder().put(name, NixInt.of(7), here).build();
      NixAttrs r = left.update(right);
      java.util.TreeSet<String> expected =
          new java.util.TreeSet<>(java.util.List.of("b", "d", "f"));
      expected.add(name);
      assertArrayEquals(expected.toArray(new String[0]), r.names(), name);
      for (String n : expected) {
        assertEquals(n.equals(name) ? NixInt.of(7) : left.get(n), r.get(n), name + " " + n);
        assertSame(n.equals(name) ? here : null, r.positionOf(n), name + " " + n);
      }
      if (left.has(name))
        assertSame(left.names(), r.names(), "replacing values only shares the names");
    }
  }

  @Test
  void indexOf_findsEqualNameThatIsNotTheSameObject() {
    NixAttrs a = set("alpha", "beta", "gamma");
    assertEquals(1, a.indexOf(new String("beta")));
    assertEquals(-1, a.indexOf(new String("delta")));
  }

  @Test
  void indexOf_comparesCharactersWhenHashesCollide() {
    // "Aa" and "BB" have the same String hash: the small-set scan must not take one for the other.
    NixAttrs a = set("Aa", "x");
    assertEquals("Aa".hashCode(), "BB".hashCode());
    assertEquals(-1, a.indexOf(new String("BB")));
    assertEquals(0, a.indexOf(new String("Aa")));
    assertEquals(-1, set("BB", "y").indexOf("Aa"));
  }

  @Test
  void indexOf_findsEqualNamesInSmallAndLargeSetsWithAnyGuess() {
    for (int size : new int[] {1, 15, 16, 17, 40}) {
      String[] names = new String[size];
      for (int i = 0; i < size; i++) names[i] = String.format("n%03d", i);
      NixAttrs a = set(names);
      for (int i = 0; i < size; i++) {
        String copy = new String(names[i]);
        assertEquals(i, a.indexOf(copy), size + " " + names[i]);
        // A guess pointing at the name, but holding a different String object, still finds it.
        assertEquals(i, a.indexOf(copy, i), size + " guess " + names[i]);
        assertEquals(i, a.indexOf(names[i], (i + 1) % size), size + " wrong guess " + names[i]);
      }
      assertEquals(-1, a.indexOf(new String("n999")));
      assertEquals(-1, a.indexOf("m", 0));
    }
  }

  /** Asserts that {@code u} and {@code expected} have the same names, values and positions. */
  private static void assertSameSet(NixAttrs expected, NixAttrs u) {
    assertArrayEquals(expected.names(), u.names());
    for (int k = 0; k < expected.size(); k++) {
      assertSame(expected.value(k), u.value(k), expected.name(k));
      assertSame(expected.position(k), u.position(k), expected.name(k));
    }
  }

  private static NixAttrs withValues(String[] names, int base, org.modsvc.nix.source.Span[] pos) {
    Value[] vs = new Value[names.length];
    for (int k = 0; k < vs.length; k++) vs[k] = NixInt.of(base + k);
    return new NixAttrs(names, vs, pos);
  }

  @Test
  void updateAtSite_givesThePlainUpdate_forRepeatedAndChangingLayouts() {
    NixAttrs.UpdateSite site = new NixAttrs.UpdateSite();
    org.modsvc.nix.source.Span p1 = new org.modsvc.nix.source.Span(null, 1, 2);
    org.modsvc.nix.source.Span p2 = new org.modsvc.nix.source.Span(null, 3, 4);
    String[][] lefts = {{"a", "c", "e"}, {"b", "c"}, {"a", "b", "c", "d", "e", "f"}, {"x"}};
    String[][] rights = {{"c"}, {"a", "d", "z"}, {"b", "c"}, {"a", "b", "c", "d", "e", "f"}};
    for (int round = 0; round < 3; round++) {
      for (String[] l : lefts) {
        for (String[] r : rights) {
          // Positions on neither side, on one, on both, and positions arrays that differ from
          // those the plan was made with (same names).
          org.modsvc.nix.source.Span[] lp = round == 0 ? null : filled(l.length, p1);
          org.modsvc.nix.source.Span[] rp = round == 2 ? filled(r.length, p2) : null;
          NixAttrs left = withValues(l, 100 * round, lp);
          NixAttrs right = withValues(r, 1000 + 100 * round, rp);
          assertSameSet(left.update(right), left.update(right, site));
        }
      }
    }
  }

  private static org.modsvc.nix.source.Span[] filled(int n, org.modsvc.nix.source.Span p) {
    org.modsvc.nix.source.Span[] a = new org.modsvc.nix.source.Span[n];
    java.util.Arrays.fill(a, p);
    return a;
  }

  @Test
  void updateAtSite_sharesNamesOfTheSameLayout_andOfAnOperandWithAllNames() {
    NixAttrs.UpdateSite site = new NixAttrs.UpdateSite();
    String[] l = {"a", "b"};
    String[] r = {"c"};
    NixAttrs first = withValues(l, 0, null).update(withValues(r, 10, null), site);
    NixAttrs second = withValues(l, 20, null).update(withValues(r, 30, null), site);
    assertSame(first.names(), second.names());
    assertEquals(NixInt.of(30), second.get("c"));
    assertEquals(NixInt.of(21), second.get("b"));
    NixAttrs replaced =
        withValues(l, 0, null).update(withValues(new String[] {"b"}, 5, null), site);
    assertSame(l, replaced.names(), "replacing values only shares the names");
    assertEquals(NixInt.of(5), replaced.get("b"));
  }

  @Test
  void updateAtSite_staysCorrect_afterItStopsPlanning_andForLargeSets() {
    NixAttrs.UpdateSite site = new NixAttrs.UpdateSite();
    for (int i = 0; i < 2000; i++) {
      NixAttrs l = set("k" + i, "m", "z" + (i % 17));
      NixAttrs r =
          NixAttrs.builder().put("m", NixInt.of(i)).put("n" + (i % 5), NixInt.of(-i)).build();
      assertSameSet(l.update(r), l.update(r, site));
    }
    String[] big = new String[60];
    for (int k = 0; k < big.length; k++) big[k] = String.format("b%02d", k);
    NixAttrs large = withValues(big, 0, null);
    NixAttrs small = withValues(new String[] {"b07", "zz"}, 500, null);
    assertSameSet(large.update(small), large.update(small, new NixAttrs.UpdateSite()));
  }
}
