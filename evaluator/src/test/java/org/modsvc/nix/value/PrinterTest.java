package org.modsvc.nix.value;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PrinterTest {
  private static NixList ints(int from, int to) {
    Value[] vs = new Value[to - from + 1];
    for (int i = from; i <= to; i++) vs[i - from] = NixInt.of(i);
    return new NixList(vs);
  }

  @Test
  void forError_listBudgetIsSharedAndCountedAfterNestedItems() {
    NixList v = new NixList(new Value[] {ints(1, 8), ints(1, 4)});
    assertEquals("[ [ 1 2 3 4 5 6 7 8 ] [ 1 «3 items elided» ] ]", Printer.forError(v));
  }

  @Test
  void forError_singleElidedItemIsSingular() {
    assertEquals("[ 1 2 3 4 5 6 7 8 9 10 «1 item elided» ]", Printer.forError(ints(1, 11)));
  }

  @Test
  void forError_attrsHaveTheirOwnBudgetAndTypeComesFirst() {
    NixAttrs.Builder inner = NixAttrs.builder();
    for (char c = 'a'; c <= 'h'; c++) inner.put(String.valueOf(c), NixInt.of(c - 'a'));
    NixAttrs in = inner.build();
    NixAttrs v =
        NixAttrs.builder().put("x", in).put("y", in).put("type", NixString.of("t")).build();
    assertEquals(
        "{ type = \"t\"; x = { a = 0; b = 1; c = 2; d = 3; e = 4; f = 5; g = 6; h = 7; }; "
            + "«1 attribute elided» }",
        Printer.forError(v));
  }

  @Test
  void forError_listItemsDoNotUseTheAttributeBudget() {
    NixAttrs v = NixAttrs.builder().put("l", ints(1, 12)).put("z", NixInt.of(0)).build();
    assertEquals("{ l = [ 1 2 3 4 5 6 7 8 9 10 «2 items elided» ]; z = 0; }", Printer.forError(v));
  }

  @Test
  void forError_depthLimitUsesAsciiEllipsis() {
    Value v = NixInt.of(1);
    for (int i = 0; i < 11; i++) v = NixAttrs.builder().put("a", v).build();
    String s = Printer.forError(v);
    assertEquals("{ a = ".repeat(10) + "{ ... }" + "; }".repeat(10), s);
    assertEquals(
        "[ ".repeat(10) + "[ ... ]" + " ]".repeat(10),
        Printer.forError(nest(new NixList(new Value[] {NixInt.of(1)}), 10)));
  }

  private static Value nest(Value v, int n) {
    for (int i = 0; i < n; i++) v = new NixList(new Value[] {v});
    return v;
  }

  @Test
  void forError_longStringsAreCut() {
    String s = "x".repeat(1030);
    assertEquals(
        "\"" + "x".repeat(1024) + "\" «6 bytes elided»", Printer.forError(NixString.of(s)));
  }

  @Test
  void print_isNotLimited() {
    assertEquals("[ 1 2 3 4 5 6 7 8 9 10 11 12 ]", Printer.print(ints(1, 12), true));
  }
}
