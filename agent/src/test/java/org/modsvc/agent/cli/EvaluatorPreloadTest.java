package org.modsvc.agent.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EvaluatorPreloadTest {
  @Test
  void everyStepOfThePreloadWorks() {
    // A sample that no longer parses, or a lib the class path lacks, would make the preload stop
    // early in silence.
    assertTrue(EvaluatorPreload.run());
  }
}
