package org.modsvc.nix.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.modsvc.nix.error.EvalException;
import org.modsvc.nix.eval.EvalState;
import org.modsvc.nix.value.NixAttrs;
import org.modsvc.nix.value.NixInt;
import org.modsvc.nix.value.NixString;

/**
 * {@link NixAttrs.WithFallback}: a set answering any name (the agent's host package set), reached
 * here as the global {@code open} = {@code { known = 1; }} whose fallback gives the name's length,
 * declining names starting with {@code _}.
 */
class FallbackAttrsTest {
  private final List<String> asked = new ArrayList<>();

  private EvalState state() {
    EvalState st = NixTestSupport.newState(System.err);
    NixAttrs known = NixAttrs.builder().put("known", NixInt.of(1)).build();
    st.addGlobal(
        "open",
        known.withFallback(
            name -> {
              asked.add(name);
              return name.startsWith("_") ? null : NixInt.of(name.length());
            }));
    return st;
  }

  private String eval(String expr) {
    return NixTestSupport.eval(state(), expr);
  }

  @Test
  void select_usesFallback_whenNameMissing() {
    assertEquals("[ 1 5 ]", eval("[ open.known open.abcde ]"));
  }

  @Test
  void select_doesNotAskFallback_whenNameHeld() {
    eval("open.known");
    assertEquals(List.of(), asked);
  }

  @Test
  void select_continuesThePath_afterFallback() {
    EvalState st = NixTestSupport.newState(System.err);
    NixAttrs inner = NixAttrs.builder().put("x", NixString.of("deep")).build();
    st.addGlobal("open", NixAttrs.EMPTY.withFallback(name -> inner));
    assertEquals("\"deep\"", NixTestSupport.eval(st, "open.anything.x"));
  }

  @Test
  void selectOr_usesDefault_whenFallbackDeclines() {
    assertEquals("[ 3 \"d\" ]", eval("[ (open.abc or \"d\") (open._x or \"d\") ]"));
  }

  @Test
  void select_reportsMissingAttribute_whenFallbackDeclines() {
    EvalException e = assertThrows(EvalException.class, () -> eval("open._hidden"));
    assertTrue(e.getMessage().contains("attribute '_hidden' missing"), e.getMessage());
  }

  @Test
  void hasAttrOperator_isTrue_whenFallbackAnswers() {
    assertEquals("[ true true false ]", eval("[ (open ? known) (open ? anything) (open ? _no) ]"));
  }

  @Test
  void hasAttrOperator_followsPath_throughFallback() {
    assertEquals("false", eval("open ? anything.deeper"));
  }

  @Test
  void builtins_getAttrAndHasAttr_useFallback() {
    assertEquals(
        "[ 4 true false ]",
        eval(
            "[ (builtins.getAttr \"four\" open) (builtins.hasAttr \"x\" open) (builtins.hasAttr \"_x\" open) ]"));
  }

  @Test
  void inherit_usesFallback() {
    assertEquals("{ abc = 3; }", eval("{ inherit (open) abc; }"));
  }

  @Test
  void attrNames_listsOnlyHeldNames() {
    assertEquals("[ \"known\" ]", eval("builtins.attrNames open"));
  }

  @Test
  void update_givesOrdinarySet_withoutFallback() {
    assertEquals("[ false 2 ]", eval("let s = open // { more = 2; }; in [ (s ? other) s.more ]"));
  }

  @Test
  void with_doesNotUseFallback_soOuterBindingsStayVisible() {
    EvalException e = assertThrows(EvalException.class, () -> eval("with open; abc"));
    assertTrue(e.getMessage().contains("undefined variable 'abc'"), e.getMessage());
    assertEquals("1", eval("with open; known"));
  }

  @Test
  void ordinarySet_isUnaffected() {
    assertEquals("[ false \"d\" ]", eval("let s = { a = 1; }; in [ (s ? b) (s.b or \"d\") ]"));
    EvalException e = assertThrows(EvalException.class, () -> eval("{ a = 1; }.b"));
    assertTrue(e.getMessage().contains("attribute 'b' missing"), e.getMessage());
  }
}
