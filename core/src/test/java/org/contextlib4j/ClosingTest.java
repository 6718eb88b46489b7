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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.contextlib4j.CPythonFakes.CountingCloseable;
import org.junit.jupiter.api.Test;

/** CPython's {@code ClosingTestCase}, ported ({@link Contexts#closing}). */
class ClosingTest {

  // CPython: ClosingTestCase.test_closing
  @Test
  void entersToTheResourceAndClosesItOnce_whenTheBodyCompletes() {
    CountingCloseable x = new CountingCloseable();
    int[] closesInBody = {-1};

    Contexts.run(
        Contexts.closing(x),
        y -> {
          assertThat(y).isSameAs(x);
          closesInBody[0] = x.closes();
        });

    assertThat(closesInBody[0]).isZero();
    assertThat(x.closes()).isEqualTo(1);
  }

  // CPython: ClosingTestCase.test_closing_error
  @Test
  void closesTheResourceOnceAndRethrows_whenTheBodyThrows() {
    CountingCloseable x = new CountingCloseable();
    ArithmeticException zde = new ArithmeticException("/ by zero");

    assertThatThrownBy(
            () ->
                Contexts.run(
                    Contexts.closing(x),
                    y -> {
                      assertThat(y).isSameAs(x);
                      throw zde;
                    }))
        .isSameAs(zde);

    assertThat(x.closes()).isEqualTo(1);
    assertThat(zde.getSuppressed()).isEmpty();
  }
}
