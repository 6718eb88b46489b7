/*
 * Copyright 2026 The contextlib4j developers
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package org.contextlib4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.util.ArrayList;
import java.util.List;
import org.contextlib4j.internal.Continuations;
import org.junit.jupiter.api.Test;

/**
 * Which path split mode ({@code enter()} and {@code exit()} called separately) takes in this JVM,
 * checked against what the build asked for: the build sets {@code
 * contextlib4j.test.expectedSplitMode} next to the {@code --add-exports} it passes (see the parent
 * pom's {@code splitMode.argLine}), so a continuation path that silently falls back fails here.
 */
class SplitModeSelectionTest {

  private static final String EXPECTED = "contextlib4j.test.expectedSplitMode";

  @Test
  void activePath_isTheOneTheBuildAskedFor() {
    String expected = System.getProperty(EXPECTED);
    assumeThat(expected).as("run outside the Maven build: nothing to compare with").isNotNull();
    assertThat(Continuations.mode().name())
        .as("split mode (unavailable because: %s)", Continuations.unavailableReason())
        .isEqualTo(expected);
  }

  @Test
  void continuationsAreActive_exactlyWhenTheJdkHasThemAndExportsTheirPackageToTheLibrary() {
    // An independent reading of the environment: the JDK's version and the module system's
    // answer, not the library's probe.
    boolean exported =
        Object.class.getModule().isExported("jdk.internal.vm", Continuations.class.getModule());
    boolean forcedThreads = "threads".equals(System.getProperty(Continuations.PROPERTY));
    boolean expected = Runtime.version().feature() >= 21 && exported && !forcedThreads;
    assertThat(Continuations.active()).isEqualTo(expected);
    assertThat(Continuations.unavailableReason() == null).isEqualTo(expected);
    if (!expected) {
      // The reason names what to change, for the message that requiring continuations gives.
      assertThat(Continuations.unavailableReason())
          .containsAnyOf(
              "JDK 21 or later is needed",
              "--add-exports java.base/jdk.internal.vm=",
              "\"threads\"");
    }
  }

  @Test
  void splitMode_runsTheBodyOnTheCallersThread_exactlyWhenContinuationsAreActive()
      throws Exception {
    List<Thread> threads = new ArrayList<>();
    ContextManager<String> manager = Contexts.contextManager(SplitModes.recordingThreads(threads));
    assertThat(manager.enter()).isEqualTo("v");
    assertThat(manager.exit(null)).isFalse();
    assertThat(threads).hasSize(2);
    assertThat(threads.get(1)).as("teardown on setup's thread").isSameAs(threads.get(0));
    assertThat(threads.get(0) == Thread.currentThread())
        .as("setup on the caller's thread")
        .isEqualTo(Continuations.active());
  }
}
