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
package org.contextlib4j.examples;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import org.contextlib4j.examples.RedirectStdoutExample.Captured;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RedirectStdoutExampleTest {
  private final PrintStream original = System.out;
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();
  private final PrintStream sentinel = new PrintStream(console, true, UTF_8);
  private final ByteArrayOutputStream demo = new ByteArrayOutputStream();

  @BeforeEach
  void watchTheConsole() {
    System.setOut(sentinel); // stands for the console: nothing of the library may reach it
  }

  @AfterEach
  void restoreTheConsole() {
    System.setOut(original);
  }

  private List<Captured> runExample() {
    return RedirectStdoutExample.run(new PrintStream(demo, true, UTF_8));
  }

  @Test
  void capturesAllTheLibraryPrints_andNothingReachesTheConsole() {
    Captured captured = runExample().get(0);

    assertThat(captured.result()).isEqualTo(385L);
    assertThat(captured.lines())
        .hasSize(12)
        .startsWith("NoisyLib 1.0 starting up", "  step 1 of 10: running total 1")
        .endsWith("  step 10 of 10: running total 385", "NoisyLib done");
    assertThat(console.size()).isZero();
    assertThat(System.out).isSameAs(sentinel);
  }

  @Test
  void restoresSystemOutAndKeepsWhatWasPrinted_whenTheLibraryThrows() {
    Captured captured = runExample().get(1);

    assertThat(captured.result()).isNull();
    assertThat(captured.lines()).containsExactly("NoisyLib 1.0 starting up");
    assertThat(console.size()).isZero();
    assertThat(System.out).isSameAs(sentinel);
  }

  @Test
  void demoPrintsASummaryOfTheCapture() {
    int bytes = runExample().get(0).text().getBytes(UTF_8).length;

    assertThat(demo.toString(UTF_8).lines())
        .contains(
            "result: 385",
            "captured 12 lines (" + bytes + " bytes), 10 of them progress steps",
            "caught: n must be at least 1, was 0",
            "captured before the failure: [NoisyLib 1.0 starting up]")
        .containsSubsequence("System.out restored: true", "System.out restored: true");
  }
}
