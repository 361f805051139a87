package org.modsvc.nix.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.modsvc.nix.builtins.NixTestSupport.eval;
import static org.modsvc.nix.builtins.NixTestSupport.evalError;

import org.junit.jupiter.api.Test;

/** List builtins: results, type errors with Nix's exact wording, and laziness in the elements. */
class ListBuiltinsTest {
  @Test
  void length_countsElements() {
    assertEquals("3", eval("builtins.length [ 1 2 3 ]"));
  }

  @Test
  void length_doesNotForceElements() {
    assertEquals("2", eval("builtins.length [ (throw \"a\") (throw \"b\") ]"));
  }

  @Test
  void length_rejectsString() {
    assertEquals(
        "expected a list but found a string: \"foo\"", evalError("builtins.length \"foo\""));
  }

  @Test
  void head_returnsFirst() {
    assertEquals("1", eval("builtins.head [ 1 2 ]"));
  }

  @Test
  void head_failsOnEmptyList() {
    assertEquals("'builtins.head' called on an empty list", evalError("builtins.head [ ]"));
  }

  @Test
  void head_rejectsNonList() {
    assertEquals("expected a list but found a string: \"foo\"", evalError("builtins.head \"foo\""));
  }

  @Test
  void head_doesNotForceTheRest() {
    assertEquals("1", eval("builtins.head [ 1 (throw \"no\") ]"));
  }

  @Test
  void tail_dropsFirst() {
    assertEquals("[ 2 3 ]", eval("builtins.tail [ 1 2 3 ]"));
  }

  @Test
  void tail_failsOnEmptyList() {
    assertEquals("'builtins.tail' called on an empty list", evalError("builtins.tail [ ]"));
  }

  @Test
  void tail_doesNotForceElements() {
    assertEquals("1", eval("builtins.length (builtins.tail [ (throw \"a\") (throw \"b\") ])"));
  }

  @Test
  void elemAt_returnsIndexedElement() {
    assertEquals("2", eval("builtins.elemAt [ 1 2 3 ] 1"));
  }

  @Test
  void elemAt_failsWhenIndexTooLarge() {
    assertEquals(
        "'builtins.elemAt' called with index 3 on a list of size 3",
        evalError("builtins.elemAt [ 1 2 3 ] 3"));
  }

  @Test
  void elemAt_failsWhenIndexNegative() {
    assertEquals(
        "'builtins.elemAt' called with index -1 on a list of size 1",
        evalError("builtins.elemAt [ 1 ] (-1)"));
  }

  @Test
  void elemAt_rejectsNonIntegerIndex() {
    assertEquals(
        "expected an integer but found a string: \"1\"", evalError("builtins.elemAt [ 1 ] \"1\""));
  }

  @Test
  void elemAt_doesNotForceOtherElements() {
    assertEquals("2", eval("builtins.elemAt [ (throw \"a\") 2 ] 1"));
  }

  @Test
  void elem_findsEqualValue() {
    assertEquals("true", eval("builtins.elem 2 [ 1 2 3 ]"));
  }

  @Test
  void elem_comparesIntAndFloatNumerically() {
    assertEquals("true", eval("builtins.elem 2 [ 2.0 ]"));
  }

  @Test
  void elem_falseWhenAbsent() {
    assertEquals("false", eval("builtins.elem { a = 1; } [ { a = 2; } ]"));
  }

  @Test
  void elem_rejectsNonList() {
    assertEquals(
        "expected a list but found a string: \"foo\"", evalError("builtins.elem 1 \"foo\""));
  }

  @Test
  void map_appliesFunction() {
    assertEquals("[ 2 4 6 ]", eval("map (x: x * 2) [ 1 2 3 ]"));
  }

  @Test
  void map_doesNotForceResults() {
    assertEquals("2", eval("builtins.length (map (x: throw \"boom\") [ 1 2 ])"));
  }

  @Test
  void map_doesNotForceInputElements() {
    assertEquals("[ 1 ]", eval("map (x: 1) [ (throw \"boom\") ]"));
  }

  @Test
  void map_rejectsNonFunction() {
    assertEquals("expected a function but found an integer: 1", evalError("map 1 [ 1 ]"));
  }

  @Test
  void map_rejectsNonList() {
    assertEquals("expected a list but found a string: \"foo\"", evalError("map (x: x) \"foo\""));
  }

  @Test
  void filter_keepsMatchingInOrder() {
    assertEquals("[ 3 2 ]", eval("builtins.filter (x: x > 1) [ 1 3 2 ]"));
  }

  @Test
  void filter_doesNotForceElementsThePredicateIgnores() {
    assertEquals("1", eval("builtins.length (builtins.filter (x: true) [ (throw \"a\") ])"));
  }

  @Test
  void filter_rejectsNonBooleanPredicateResult() {
    assertEquals(
        "expected a Boolean but found an integer: 1", evalError("builtins.filter (x: 1) [ 1 ]"));
  }

  @Test
  void foldl_foldsFromTheLeft() {
    assertEquals("\"0abc\"", eval("builtins.foldl' (acc: x: acc + x) \"0\" [ \"a\" \"b\" \"c\" ]"));
  }

  @Test
  void foldl_returnsInitialForEmptyList() {
    assertEquals("7", eval("builtins.foldl' (a: b: a) 7 [ ]"));
  }

  @Test
  void foldl_forcesAccumulatorAtEachStep() {
    assertEquals("forced", evalError("builtins.foldl' (a: b: b) 0 [ (throw \"forced\") 1 ]"));
  }

  @Test
  void foldl_rejectsNonFunction() {
    assertEquals(
        "expected a function but found an integer: 1", evalError("builtins.foldl' 1 0 [ 1 ]"));
  }

  @Test
  void genList_generatesFromIndices() {
    assertEquals("[ 0 1 4 9 ]", eval("builtins.genList (i: i * i) 4"));
  }

  @Test
  void genList_doesNotForceElements() {
    assertEquals("3", eval("builtins.length (builtins.genList (i: throw \"x\") 3)"));
  }

  @Test
  void genList_rejectsNegativeLength() {
    assertEquals("cannot create list of size -1", evalError("builtins.genList (i: i) (-1)"));
  }

  @Test
  void genList_rejectsNonIntegerLength() {
    assertEquals(
        "expected an integer but found a string: \"2\"",
        evalError("builtins.genList (i: i) \"2\""));
  }

  @Test
  void concatLists_flattensOneLevel() {
    assertEquals("[ 1 2 3 [ 4 ] ]", eval("builtins.concatLists [ [ 1 ] [ 2 3 ] [ ] [ [ 4 ] ] ]"));
  }

  @Test
  void concatLists_rejectsNonListElement() {
    assertEquals(
        "expected a list but found an integer: 1", evalError("builtins.concatLists [ [ ] 1 ]"));
  }

  @Test
  void concatLists_doesNotForceInnerElements() {
    assertEquals(
        "2",
        eval("builtins.length (builtins.concatLists [ [ (throw \"a\") ] [ (throw \"b\") ] ])"));
  }

  @Test
  void concatMap_mapsAndConcatenates() {
    assertEquals("[ 1 1 2 2 ]", eval("builtins.concatMap (x: [ x x ]) [ 1 2 ]"));
  }

  @Test
  void concatMap_rejectsNonListResult() {
    assertEquals(
        "expected a list but found an integer: 1", evalError("builtins.concatMap (x: x) [ 1 ]"));
  }

  @Test
  void all_trueWhenEveryElementMatches() {
    assertEquals("true", eval("builtins.all (x: x > 0) [ 1 2 ]"));
  }

  @Test
  void all_trueForEmptyList() {
    assertEquals("true", eval("builtins.all (x: false) [ ]"));
  }

  @Test
  void all_stopsAtFirstFalse() {
    assertEquals("false", eval("builtins.all (x: x) [ false (throw \"not reached\") ]"));
  }

  @Test
  void all_rejectsNonBooleanResult() {
    assertEquals(
        "expected a Boolean but found an integer: 1", evalError("builtins.all (x: x) [ 1 ]"));
  }

  @Test
  void any_trueWhenSomeElementMatches() {
    assertEquals("true", eval("builtins.any (x: x > 1) [ 1 2 ]"));
  }

  @Test
  void any_falseForEmptyList() {
    assertEquals("false", eval("builtins.any (x: true) [ ]"));
  }

  @Test
  void any_stopsAtFirstTrue() {
    assertEquals("true", eval("builtins.any (x: x) [ true (throw \"not reached\") ]"));
  }

  @Test
  void any_rejectsNonFunction() {
    assertEquals("expected a function but found a list: [ ]", evalError("builtins.any [ ] [ 1 ]"));
  }

  @Test
  void sort_ordersWithLessThan() {
    assertEquals("[ 1 2 3 10 ]", eval("builtins.sort builtins.lessThan [ 3 10 1 2 ]"));
  }

  @Test
  void sort_isStable() {
    assertEquals(
        "[ \"b\" \"a\" \"c\" ]",
        eval(
            "map (e: e.v) (builtins.sort (x: y: x.k < y.k) "
                + "[ { k = 1; v = \"a\"; } { k = 0; v = \"b\"; } { k = 1; v = \"c\"; } ])"));
  }

  @Test
  void sort_rejectsNonBooleanComparator() {
    assertEquals(
        "expected a Boolean but found an integer: 1", evalError("builtins.sort (a: b: 1) [ 1 2 ]"));
  }

  @Test
  void sort_rejectsNonList() {
    assertEquals(
        "expected a list but found a set: { }", evalError("builtins.sort (a: b: true) { }"));
  }

  @Test
  void partition_splitsByPredicate() {
    assertEquals(
        "{ right = [ 3 4 ]; wrong = [ 1 2 ]; }", eval("builtins.partition (x: x > 2) [ 1 3 2 4 ]"));
  }

  @Test
  void partition_rejectsNonBooleanResult() {
    assertEquals(
        "expected a Boolean but found a string: \"y\"",
        evalError("builtins.partition (x: \"y\") [ 1 ]"));
  }

  @Test
  void groupBy_groupsByKey() {
    assertEquals(
        "{ big = [ 2 3 ]; small = [ 1 ]; }",
        eval("builtins.groupBy (x: if x > 1 then \"big\" else \"small\") [ 1 2 3 ]"));
  }

  @Test
  void groupBy_rejectsNonStringKey() {
    assertEquals(
        "expected a string but found an integer: 1", evalError("builtins.groupBy (x: x) [ 1 ]"));
  }
}
