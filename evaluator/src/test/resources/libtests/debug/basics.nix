let lib = import <modsvc-lib>; in
{
  traceIf = [ (lib.traceIf true "msg" 1) (lib.traceIf false "msg" 2) ];
  traceVal = lib.traceVal 3;
  traceValFn = lib.traceValFn (x: "v=${toString x}") 4;
  traceSeq = lib.traceSeq { a = [ 1 ]; } 5;
  traceSeqN = lib.traceSeqN 1 { a = { b = 1; }; } 6;
  traceValSeq = lib.traceValSeq [ 7 ];
  traceValSeqN = lib.traceValSeqN 2 { x = [ 8 ]; };
  traceValSeqFn = lib.traceValSeqFn (v: "fn") 9;
  traceValSeqNFn = lib.traceValSeqNFn (v: v) 1 10;
  traceFnSeqN = lib.traceFnSeqN 1 "inc" (x: x + 1) 10;
  runTests = lib.runTests {
    testOk = { expr = 1; expected = 1; };
    testBad = { expr = [ 1 ]; expected = [ 2 ]; };
    notATest = { expr = 1; expected = 2; };
  };
  runTestsSelected = lib.runTests {
    tests = [ "testB" "other" ];
    testA = { expr = 1; expected = 2; };
    testB = { expr = 1; expected = 3; };
    other = { expr = "x"; expected = "y"; };
  };
  testAllTrue = lib.testAllTrue [ true (1 == 1) ];
  throwTestFailuresNone = lib.debug.throwTestFailures { failures = [ ]; };
}
