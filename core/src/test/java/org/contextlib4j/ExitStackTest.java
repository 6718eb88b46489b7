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
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.contextlib4j.CPythonFakes.TestExit;
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

  // CPython: TestExitStack.test_no_resources
  @Test
  void entersToItselfAndExitsQuietly_whenNothingIsRegistered() {
    ExitStack stack = new ExitStack();

    ExitStack entered = Contexts.with(stack, s -> s);

    assertThat(entered).isSameAs(stack);
  }

  // CPython: TestExitStack.test_callback
  // Python passes *args/**kwds to the callback; a Java lambda captures them instead. The
  // __wrapped__ metadata and the TypeError checks on bad arguments have no Java counterpart.
  @Test
  void runsEachCallbackOnceInReverseOrder_andReturnsTheAction_whenCallbacksCaptureArguments() {
    List<String> expected =
        List.of("()", "(1)", "(1, 2)", "(example=1)", "(1, example=1)", "(1, 2, example=1)");
    List<String> result = new ArrayList<>();

    Contexts.run(
        new ExitStack(),
        stack -> {
          for (int i = expected.size() - 1; i >= 0; i--) {
            String args = expected.get(i);
            CleanupAction action = () -> result.add(args);
            assertThat(stack.callback(action)).isSameAs(action);
          }
          assertThat(result).isEmpty();
        });

    assertThat(result).isEqualTo(expected);
  }

  // CPython: TestExitStack.test_push
  @Test
  void pushedExitsSeeTheExceptionInFlight_untilOneSuppressesIt_andPushedManagersAreNotEntered() {
    ArithmeticException zde = new ArithmeticException("/ by zero");
    TestExit expectOk = TestExit.normal();
    TestManager managerExpectOk = TestManager.normal();
    TestExit suppress = TestExit.suppressing();
    TestManager managerExpectExc = TestManager.normal();
    TestExit expectExc1 = TestExit.normal();
    TestExit expectExc2 = TestExit.normal();

    Object result =
        Contexts.with(
            new ExitStack(),
            stack -> {
              assertThat(stack.push(expectOk)).isSameAs(expectOk);
              assertThat(stack.push(managerExpectOk)).isSameAs(managerExpectOk);
              assertThat(stack.push(suppress)).isSameAs(suppress);
              assertThat(stack.push(managerExpectExc)).isSameAs(managerExpectExc);
              assertThat(stack.push(expectExc1)).isSameAs(expectExc1);
              assertThat(stack.push(expectExc2)).isSameAs(expectExc2);
              throw zde;
            });

    assertThat(result).isNull();
    assertThat(expectExc2.seen()).containsExactly(zde);
    assertThat(expectExc1.seen()).containsExactly(zde);
    assertThat(managerExpectExc.seen()).containsExactly(zde);
    assertThat(suppress.seen()).containsExactly(zde);
    assertThat(managerExpectOk.seen()).containsExactly((Throwable) null);
    assertThat(expectOk.seen()).containsExactly((Throwable) null);
    assertThat(managerExpectOk.enters()).isZero();
    assertThat(managerExpectExc.enters()).isZero();
    assertThat(zde.getSuppressed()).isEmpty();
  }

  // CPython: TestExitStack.test_enter_context
  @Test
  void entersTheManagerNow_andExitsItBeforeEarlierCallbacks_whenEnteredAfterThem() {
    List<Integer> result = new ArrayList<>();
    ContextManager<String> cm =
        new ContextManager<>() {
          @Override
          public String enter() {
            result.add(1);
            return "entered";
          }

          @Override
          public boolean exit(@org.jspecify.annotations.Nullable Throwable failure) {
            result.add(3);
            return false;
          }
        };

    Contexts.run(
        new ExitStack(),
        stack -> {
          stack.callback(() -> result.add(4)); // registered first => cleaned up last
          assertThat(stack.enterContext(cm)).isEqualTo("entered");
          result.add(2);
        });

    assertThat(result).containsExactly(1, 2, 3, 4);
  }

  // CPython: TestExitStack.test_enter_context_errors
  // Python rejects an object without __enter__/__exit__ at run time with TypeError; Java's types
  // rule that out, and the remaining invalid argument is null (rule 5): rejected, nothing added.
  @Test
  @SuppressWarnings("NullAway") // passes null on purpose
  void rejectsNullAndRegistersNothing_whenARegistrationArgumentIsNull() {
    List<String> ran = new ArrayList<>();
    ExitStack stack = new ExitStack();
    stack.callback(() -> ran.add("sentinel"));

    assertThatNullPointerException()
        .isThrownBy(() -> stack.enterContext((ContextManager<?>) null))
        .withMessage("manager cannot be null");
    assertThatNullPointerException()
        .isThrownBy(() -> stack.push((ExitHandler) null))
        .withMessage("handler cannot be null");
    assertThatNullPointerException()
        .isThrownBy(() -> stack.push((ContextManager<?>) null))
        .withMessage("manager cannot be null");
    assertThatNullPointerException()
        .isThrownBy(() -> stack.callback((CleanupAction) null))
        .withMessage("action cannot be null");
    assertThatNullPointerException()
        .isThrownBy(() -> stack.register((AutoCloseable) null))
        .withMessage("resource cannot be null");

    assertThatCode(stack::close).doesNotThrowAnyException();
    assertThat(ran).containsExactly("sentinel");
  }

  // CPython: TestExitStack.test_close
  @Test
  void runsCallbacksImmediatelyAndOnlyOnce_whenClosedInsideTheBlock() {
    List<Integer> result = new ArrayList<>();

    Contexts.run(
        new ExitStack(),
        stack -> {
          stack.callback(() -> result.add(1));
          stack.close();
          result.add(2);
        });

    assertThat(result).containsExactly(1, 2);
  }

  // CPython: TestExitStack.test_pop_all
  @Test
  void movesCallbacksToTheNewStack_whenPopAllIsCalled() {
    List<Integer> result = new ArrayList<>();
    List<ExitStack> newStack = new ArrayList<>();

    Contexts.run(
        new ExitStack(),
        stack -> {
          stack.callback(() -> result.add(3));
          newStack.add(stack.popAll());
          result.add(1);
        });
    result.add(2);
    newStack.get(0).close();

    assertThat(result).containsExactly(1, 2, 3);
  }

  // CPython: TestExitStack.test_exit_raise
  @Test
  void rethrowsTheBodyException_whenTheExitReturnsFalse() {
    ArithmeticException zde = new ArithmeticException("/ by zero");
    TestExit exit = TestExit.normal();

    assertThatThrownBy(
            () ->
                Contexts.run(
                    new ExitStack(),
                    stack -> {
                      stack.push(exit);
                      throw zde;
                    }))
        .isSameAs(zde);

    assertThat(exit.seen()).containsExactly(zde);
    assertThat(zde.getSuppressed()).isEmpty();
  }

  // CPython: TestExitStack.test_exit_suppress
  @Test
  void swallowsTheBodyException_whenTheExitReturnsTrue() {
    ArithmeticException zde = new ArithmeticException("/ by zero");
    TestExit exit = TestExit.suppressing();

    Object result =
        Contexts.with(
            new ExitStack(),
            stack -> {
              stack.push(exit);
              throw zde;
            });

    assertThat(result).isNull();
    assertThat(exit.seen()).containsExactly(zde);
  }

  // CPython: TestExitStack.test_exit_exception_traceback
  // Differs on purpose (rule 4): in CPython the callback's ValueError replaces the
  // ZeroDivisionError (which becomes its __context__); here a failing plain callback never hides
  // the exception in flight, it is attached to it, as in try-with-resources. Python's traceback
  // frame list has no Java counterpart.
  @Test
  void keepsTheBodyExceptionAndAttachesTheCallbackFailure_whenACallbackThrows() {
    ArithmeticException zde = new ArithmeticException("/ by zero");
    IllegalArgumentException valueError = new IllegalArgumentException("callback");

    assertThatThrownBy(
            () ->
                Contexts.run(
                    new ExitStack(),
                    stack -> {
                      stack.callback(
                          () -> {
                            throw valueError;
                          });
                      throw zde;
                    }))
        .isSameAs(zde);

    assertThat(zde.getSuppressed()).containsExactly(valueError);
    assertThat(valueError.getSuppressed()).isEmpty();
  }

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

  // CPython: TestExitStack.test_exit_exception_chaining
  // Differs on purpose (rule 4): the raising exits are plain callbacks. In CPython each failing
  // callback replaces the exception in flight (IndexError propagates, chained KeyError ->
  // AttributeError, and the suppressing exit sees ValueError). Here a failing callback is attached
  // to the exception in flight, so the suppressing exit sees the ZeroDivisionError (with the
  // ValueError attached); once it is suppressed, AttributeError is in flight and the later
  // failures are attached to it.
  @Test
  void attachesCallbackFailuresToTheExceptionInFlight_whenCallbacksAndASuppressingExitAreMixed() {
    ArithmeticException zde = new ArithmeticException("/ by zero");
    IllegalArgumentException valueError = new IllegalArgumentException("value");
    IllegalStateException attributeError = new IllegalStateException("attribute");
    NoSuchElementException keyError = new NoSuchElementException("key");
    IndexOutOfBoundsException indexError = new IndexOutOfBoundsException("index");
    TestExit suppressExc = TestExit.suppressing();

    assertThatThrownBy(
            () ->
                Contexts.run(
                    new ExitStack(),
                    stack -> {
                      stack.callback(
                          () -> {
                            throw indexError;
                          });
                      stack.callback(
                          () -> {
                            throw keyError;
                          });
                      stack.callback(
                          () -> {
                            throw attributeError;
                          });
                      stack.push(suppressExc);
                      stack.callback(
                          () -> {
                            throw valueError;
                          });
                      throw zde;
                    }))
        .isSameAs(attributeError);

    assertThat(attributeError.getSuppressed()).containsExactly(keyError, indexError);
    assertThat(keyError.getSuppressed()).isEmpty();
    assertThat(indexError.getSuppressed()).isEmpty();
    // the inner exceptions
    assertThat(suppressExc.seen()).containsExactly(zde);
    assertThat(zde.getSuppressed()).containsExactly(valueError);
    assertThat(valueError.getSuppressed()).isEmpty();
  }

  // CPython: TestExitStack.test_exit_exception_non_suppressing (bpo-19092)
  @Test
  void throwsTheLastCallbackFailure_whenNoLaterExitSuppressesIt() {
    IndexOutOfBoundsException indexError = new IndexOutOfBoundsException("index");

    assertThatThrownBy(
            () ->
                Contexts.run(
                    new ExitStack(),
                    stack -> {
                      stack.callback(() -> {});
                      stack.callback(
                          () -> {
                            throw indexError;
                          });
                    }))
        .isSameAs(indexError);
    assertThat(indexError.getSuppressed()).isEmpty();

    NoSuchElementException keyError = new NoSuchElementException("key");
    IndexOutOfBoundsException indexError2 = new IndexOutOfBoundsException("index 2");
    TestExit suppressExc = TestExit.suppressing();

    assertThatThrownBy(
            () ->
                Contexts.run(
                    new ExitStack(),
                    stack -> {
                      stack.callback(
                          () -> {
                            throw keyError;
                          });
                      stack.push(suppressExc);
                      stack.callback(
                          () -> {
                            throw indexError2;
                          });
                    }))
        .isSameAs(keyError);
    assertThat(suppressExc.seen()).containsExactly(indexError2);
    assertThat(keyError.getSuppressed()).isEmpty();
  }

  // CPython: TestExitStack.test_exit_exception_with_existing_context (bpo-20317)
  // Differs on purpose (rule 4): in CPython each failing callback replaces the exception in
  // flight, giving the chain exc5 -> exc4 -> exc3 -> exc2 -> exc1. Here the body's exc1 stays in
  // flight and each callback failure is attached to it, its own cause chain intact. Python's
  // "raise inner; finally: raise outer" gives outer a __context__; in Java the outer exception
  // carries the inner one as its cause.
  @Test
  void keepsTheBodyExceptionAndEachFailureWithItsOwnChain_whenCallbacksThrowChainedExceptions() {
    Exception exc1 = new Exception("1");
    Exception exc2 = new Exception("2");
    Exception exc3 = new Exception("3", exc2);
    Exception exc4 = new Exception("4");
    Exception exc5 = new Exception("5", exc4);

    assertThatThrownBy(
            () ->
                Contexts.run(
                    new ExitStack(),
                    stack -> {
                      stack.callback(
                          () -> {
                            throw exc5;
                          });
                      stack.callback(
                          () -> {
                            throw exc3;
                          });
                      throw exc1;
                    }))
        .isSameAs(exc1);

    assertThat(exc1.getSuppressed()).containsExactly(exc3, exc5);
    assertThat(exc3.getCause()).isSameAs(exc2);
    assertThat(exc5.getCause()).isSameAs(exc4);
    assertThat(exc3.getSuppressed()).isEmpty();
    assertThat(exc5.getSuppressed()).isEmpty();
    assertThat(exc2.getSuppressed()).isEmpty();
    assertThat(exc4.getSuppressed()).isEmpty();
    assertThat(exc1.getCause()).isNull();
  }

  // CPython: TestExitStack.test_body_exception_suppress
  // Through the protocol itself: exit(failure) is Python's __exit__, which returns true when the
  // exception it was given ended suppressed.
  @Test
  void exitReturnsTrue_whenAPushedExitSuppressesTheGivenException() {
    ArithmeticException zde = new ArithmeticException("/ by zero");
    TestExit suppressExc = TestExit.suppressing();
    ExitStack stack = new ExitStack();
    stack.push(suppressExc);

    assertThat(stack.exit(zde)).isTrue();

    assertThat(suppressExc.seen()).containsExactly(zde);
    assertThat(zde.getSuppressed()).isEmpty();
  }

  // CPython: TestExitStack.test_exit_exception_chaining_suppress
  @Test
  void completesNormally_whenTheOldestExitSuppressesFailuresOfLaterExits() {
    ArithmeticException zde = new ArithmeticException("/ by zero");
    NoSuchElementException keyError = new NoSuchElementException("key");
    TestExit suppress = TestExit.suppressing();
    TestExit throwsZde = TestExit.throwing(zde);
    TestExit throwsKey = TestExit.throwing(keyError);

    assertThatCode(
            () ->
                Contexts.run(
                    new ExitStack(),
                    stack -> {
                      stack.push(suppress);
                      stack.push(throwsZde);
                      stack.push(throwsKey);
                    }))
        .doesNotThrowAnyException();

    assertThat(throwsKey.seen()).containsExactly((Throwable) null);
    assertThat(throwsZde.seen()).containsExactly(keyError);
    assertThat(suppress.seen()).containsExactly(zde);
    assertThat(zde.getSuppressed()).containsExactly(keyError);
  }

  // CPython: TestExitStack.test_excessive_nesting
  @Test
  void runsEveryCallbackInReverseOrder_whenTenThousandAreRegistered() {
    int count = 10_000;
    List<Integer> ran = new ArrayList<>();

    Contexts.run(
        new ExitStack(),
        stack -> {
          for (int i = 0; i < count; i++) {
            int index = i;
            stack.callback(() -> ran.add(index));
          }
        });

    assertThat(ran).hasSize(count);
    for (int i = 0; i < count; i++) {
      assertThat(ran.get(i)).isEqualTo(count - 1 - i);
    }
  }
}
