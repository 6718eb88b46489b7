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

import org.junit.jupiter.api.Test;

/**
 * CPython's {@code TestSuppress}, ported ({@link Contexts#suppress}). Python's TypeError from
 * {@code len(5)} is a ClassCastException here, its ZeroDivisionError an ArithmeticException, and
 * its LookupError/IndexError pair IndexOutOfBoundsException/StringIndexOutOfBoundsException.
 */
class SuppressTest {

  // CPython: TestSuppress.test_no_result_from_enter
  @Test
  void entersToNull_always() {
    ContextManager<?> manager = Contexts.suppress(IllegalArgumentException.class);
    Object[] enterResult = {"body did not run"};

    Contexts.run(manager, v -> enterResult[0] = v);

    assertThat(enterResult[0]).isNull();
  }

  // CPython: TestSuppress.test_no_exception
  @Test
  void returnsTheBodyResult_whenTheBodyDoesNotThrow() {
    Integer result = Contexts.with(Contexts.suppress(IllegalArgumentException.class), v -> 32);

    assertThat(result).isEqualTo(32);
  }

  /** Python's {@code suppress().__exit__(None, None, None)} is false: nothing was suppressed. */
  @Test
  void exitWithNothingInFlight_returnsFalse_asPythonsDoes() throws Exception {
    ContextManager<?> manager = Contexts.suppress(IllegalArgumentException.class, Throwable.class);

    assertThat(manager.exit(null)).isFalse();
  }

  // CPython: TestSuppress.test_exact_exception
  @Test
  void suppresses_whenTheExceptionIsExactlyTheGivenType() {
    boolean[] reachedThrow = {false};

    Object result =
        Contexts.with(
            Contexts.suppress(ClassCastException.class),
            v -> {
              reachedThrow[0] = true;
              throw new ClassCastException("len(5)");
            });

    assertThat(reachedThrow[0]).isTrue();
    assertThat(result).isNull();
  }

  // CPython: TestSuppress.test_exception_hierarchy
  @Test
  void suppresses_whenTheExceptionIsASubclassOfTheGivenType() {
    String hello = "Hello";
    boolean[] entered = {false};

    Character result =
        Contexts.with(
            Contexts.suppress(IndexOutOfBoundsException.class),
            v -> {
              entered[0] = true;
              return hello.charAt(50); // StringIndexOutOfBoundsException
            });

    assertThat(entered[0]).isTrue();
    assertThat(result).isNull();
  }

  // CPython: TestSuppress.test_other_exception
  @Test
  void rethrowsTheSameException_whenItIsNotOfTheGivenType() {
    ArithmeticException zde = new ArithmeticException("/ by zero");

    assertThatThrownBy(
            () ->
                Contexts.run(
                    Contexts.suppress(ClassCastException.class),
                    v -> {
                      throw zde;
                    }))
        .isSameAs(zde);
    assertThat(zde.getSuppressed()).isEmpty();
  }

  // CPython: TestSuppress.test_no_args
  @Test
  void suppressesNothing_whenGivenNoTypes() {
    ArithmeticException zde = new ArithmeticException("/ by zero");

    assertThatThrownBy(
            () ->
                Contexts.run(
                    Contexts.suppress(),
                    v -> {
                      throw zde;
                    }))
        .isSameAs(zde);
    assertThat(zde.getSuppressed()).isEmpty();
  }

  // CPython: TestSuppress.test_multiple_exception_args
  @Test
  void suppressesEachGivenType_whenGivenSeveralTypes() {
    ContextManager<?> manager =
        Contexts.suppress(ArithmeticException.class, ClassCastException.class);
    boolean[] reached = {false, false};

    Object first =
        Contexts.with(
            manager,
            v -> {
              reached[0] = true;
              throw new ArithmeticException("/ by zero");
            });
    Object second =
        Contexts.with(
            manager,
            v -> {
              reached[1] = true;
              throw new ClassCastException("len(5)");
            });

    assertThat(reached).containsExactly(true, true);
    assertThat(first).isNull();
    assertThat(second).isNull();
  }

  // CPython: TestSuppress.test_cm_is_reentrant
  @Test
  void suppressesAtEachLevel_whenOneInstanceIsReusedAndNested() {
    ContextManager<?> ignoreExceptions = Contexts.suppress(Exception.class);
    boolean[] outerContinued = {false};

    Contexts.run(ignoreExceptions, v -> {});
    Contexts.run(
        ignoreExceptions,
        v -> {
          throw new ClassCastException("len(5)");
        });
    Contexts.run(
        ignoreExceptions,
        v -> {
          Contexts.run(
              ignoreExceptions,
              w -> {
                throw new ClassCastException("len(5)"); // check nested usage
              });
          outerContinued[0] = true;
          throw new ArithmeticException("/ by zero");
        });

    assertThat(outerContinued[0]).isTrue();
  }
}
