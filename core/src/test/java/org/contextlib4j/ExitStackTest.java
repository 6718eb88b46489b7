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

import java.util.NoSuchElementException;
import org.contextlib4j.CPythonFakes.TestManager;
import org.junit.jupiter.api.Test;

/**
 * CPython's {@code TestExitStack} (all of it is inherited from {@code TestBaseExitStack}), ported.
 * Python's {@code with stack: body} is {@code Contexts.run(stack, ...)}, so that the exits see the
 * body's exception. Python exception types map to Java ones: ZeroDivisionError to
 * ArithmeticException, IndexError to IndexOutOfBoundsException, KeyError to NoSuchElementException,
 * AttributeError to IllegalStateException, ValueError to IllegalArgumentException. Python's
 * implicit {@code __context__} chaining is the suppressed list (rule 3 of the exception rule).
 */
class ExitStackTest {

  // CPython: TestExitStack.test_exit_exception_chaining_reference
  // The reference: nested with statements whose exits raise. Python's __context__ is Java's
  // suppressed list (rule 3). RaiseExcWithContext raises KeyError while handling AttributeError;
  // Java has no implicit context, so that KeyError carries the AttributeError as its cause.
  @Test
  void chainsReplacedExceptionsAsSuppressed_andDropsSuppressedOnes_whenWithStatementsAreNested() {
    ArithmeticException zde = new ArithmeticException("/ by zero");
    IllegalArgumentException valueError = new IllegalArgumentException("value");
    IllegalStateException attributeError = new IllegalStateException("attribute");
    NoSuchElementException keyError = new NoSuchElementException("key", attributeError);
    IndexOutOfBoundsException indexError = new IndexOutOfBoundsException("index");
    TestManager suppressExc = TestManager.suppressing();

    assertThatThrownBy(
            () ->
                Contexts.run(
                    TestManager.throwing(indexError),
                    a ->
                        Contexts.run(
                            TestManager.throwing(keyError),
                            b ->
                                Contexts.run(
                                    suppressExc,
                                    c ->
                                        Contexts.run(
                                            TestManager.throwing(valueError),
                                            d -> {
                                              throw zde;
                                            })))))
        .isSameAs(indexError);

    assertThat(indexError.getSuppressed()).containsExactly(keyError);
    assertThat(keyError.getCause()).isSameAs(attributeError);
    // inner exceptions were suppressed: nothing below the AttributeError
    assertThat(keyError.getSuppressed()).isEmpty();
    assertThat(attributeError.getSuppressed()).isEmpty();
    assertThat(attributeError.getCause()).isNull();
    // the inner exceptions
    assertThat(suppressExc.seen()).containsExactly(valueError);
    assertThat(valueError.getSuppressed()).containsExactly(zde);
  }
}
