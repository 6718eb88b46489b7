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
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.contextlib4j.AsyncTesting.done;
import static org.contextlib4j.AsyncTesting.failed;
import static org.contextlib4j.AsyncTesting.failureOf;
import static org.contextlib4j.AsyncTesting.join;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The tests CPython's {@code TestAsyncExitStack} defines itself (the inherited {@code
 * TestBaseExitStack} ones run in {@link AsyncExitStackContractTest}), ported to the async
 * registrations of {@link AsyncExitStack}. Python's {@code async with stack:} is {@link
 * Contexts#withAsync}; exception types map as in {@link ExitStackTest}.
 */
class AsyncExitStackCPythonTest {

  /** An async exit that records each exception it sees, then suppresses or not. */
  private static final class RecordingExit implements AsyncExitHandler {
    private final boolean suppress;
    final List<@Nullable Throwable> seen = new ArrayList<>();

    RecordingExit(boolean suppress) {
      this.suppress = suppress;
    }

    @Override
    public CompletionStage<Boolean> exitAsync(@Nullable Throwable failure) {
      seen.add(failure);
      return CompletableFuture.completedFuture(suppress);
    }
  }

  /** An async manager that must not be entered, whose exit records what it sees. */
  private static final class ExitCM implements AsyncContextManager<Object> {
    final List<@Nullable Throwable> seen = new ArrayList<>();

    @Override
    public CompletionStage<Object> enterAsync() {
      throw new AssertionError("Should not be called!");
    }

    @Override
    public CompletionStage<Boolean> exitAsync(@Nullable Throwable failure) {
      seen.add(failure);
      return CompletableFuture.completedFuture(false);
    }
  }

  // CPython: TestAsyncExitStack.test_async_callback
  // Python's *args/**kwds are captured by the lambda; the __wrapped__ metadata and the TypeErrors
  // for bad push_async_callback arguments have no Java counterpart (null: see
  // test_enter_async_context_errors).
  @Test
  void runsEachAsyncCallbackOnceInReverseOrder_andReturnsTheAction() {
    List<String> expected =
        List.of("()", "(1)", "(1, 2)", "(example=1)", "(1, example=1)", "(1, 2, example=1)");
    List<String> result = new ArrayList<>();

    join(
        Contexts.withAsync(
            new AsyncExitStack(),
            stack -> {
              for (int i = expected.size() - 1; i >= 0; i--) {
                String args = expected.get(i);
                AsyncCleanupAction action =
                    () -> {
                      result.add(args);
                      return done();
                    };
                assertThat(stack.pushAsyncCallback(action)).isSameAs(action);
              }
              assertThat(result).isEmpty();
              return done();
            }));

    assertThat(result).isEqualTo(expected);
  }

  // CPython: TestAsyncExitStack.test_async_push
  // Python's _exit_callbacks introspection becomes "pushAsyncExit returns its argument".
  @Test
  void pushedAsyncExitsSeeTheExceptionInFlight_untilOneSuppressesIt_andManagersAreNotEntered() {
    ArithmeticException zde = new ArithmeticException("/ by zero");
    RecordingExit expectOk = new RecordingExit(false);
    ExitCM cmExpectOk = new ExitCM();
    RecordingExit suppressExc = new RecordingExit(true);
    ExitCM cmExpectExc = new ExitCM();
    RecordingExit expectExc1 = new RecordingExit(false);
    RecordingExit expectExc2 = new RecordingExit(false);

    @Nullable Object result =
        join(
            Contexts.withAsync(
                new AsyncExitStack(),
                stack -> {
                  assertThat(stack.pushAsyncExit(expectOk)).isSameAs(expectOk);
                  assertThat(stack.pushAsyncExit(cmExpectOk)).isSameAs(cmExpectOk);
                  assertThat(stack.pushAsyncExit(suppressExc)).isSameAs(suppressExc);
                  assertThat(stack.pushAsyncExit(cmExpectExc)).isSameAs(cmExpectExc);
                  assertThat(stack.pushAsyncExit(expectExc1)).isSameAs(expectExc1);
                  assertThat(stack.pushAsyncExit(expectExc2)).isSameAs(expectExc2);
                  return failed(zde);
                }));

    assertThat(result).isNull();
    assertThat(expectExc2.seen).containsExactly(zde);
    assertThat(expectExc1.seen).containsExactly(zde);
    assertThat(cmExpectExc.seen).containsExactly(zde);
    assertThat(suppressExc.seen).containsExactly(zde);
    assertThat(cmExpectOk.seen).containsExactly((Throwable) null);
    assertThat(expectOk.seen).containsExactly((Throwable) null);
    assertThat(zde.getSuppressed()).isEmpty();
  }

  // CPython: TestAsyncExitStack.test_enter_async_context
  // The enter stage is completed by hand: the manager's exit is registered only then, after the
  // callback registered first, so it runs before it.
  @Test
  void entersTheManager_andExitsItBeforeEarlierCallbacks_onceItsEnterStageCompletes() {
    List<Integer> result = new ArrayList<>();
    CompletableFuture<String> entering = new CompletableFuture<>();
    AsyncContextManager<String> cm =
        new AsyncContextManager<>() {
          @Override
          public CompletionStage<String> enterAsync() {
            result.add(1);
            return entering;
          }

          @Override
          public CompletionStage<Boolean> exitAsync(@Nullable Throwable failure) {
            result.add(3);
            return CompletableFuture.completedFuture(false);
          }
        };
    AsyncExitStack stack = new AsyncExitStack();
    AsyncCleanupAction exit =
        () -> {
          result.add(4);
          return done();
        };

    CompletionStage<@Nullable Object> withBlock =
        Contexts.withAsync(
            stack,
            s -> {
              assertThat(s.pushAsyncCallback(exit)).isSameAs(exit); // first => cleaned up last
              return s.enterAsyncContext(cm)
                  .thenApply(
                      value -> {
                        assertThat(value).isEqualTo("entered");
                        result.add(2);
                        return null;
                      });
            });
    assertThat(result).containsExactly(1);
    assertThat(stack).hasToString("AsyncExitStack[1 cleanup]");
    entering.complete("entered");

    join(withBlock);
    assertThat(result).containsExactly(1, 2, 3, 4);
  }

  // CPython: TestAsyncExitStack.test_enter_async_context_errors
  // Python's TypeErrors for objects that are not async managers are compile errors in Java; null
  // is rejected at once with a named NPE, and a manager whose enter fails is not registered.
  @Test
  @SuppressWarnings("NullAway") // passes null on purpose
  void rejectsNullAndRegistersNothing_whenTheArgumentIsNullOrTheEnterFails() {
    AsyncExitStack stack = new AsyncExitStack();
    List<String> exits = new ArrayList<>();
    IllegalStateException enterFailure = new IllegalStateException("enter");
    AsyncContextManager<Object> failing =
        new AsyncContextManager<>() {
          @Override
          public CompletionStage<Object> enterAsync() {
            return failed(enterFailure);
          }

          @Override
          public CompletionStage<Boolean> exitAsync(@Nullable Throwable failure) {
            exits.add("exit must not run");
            return CompletableFuture.completedFuture(false);
          }
        };

    assertThatNullPointerException()
        .isThrownBy(() -> stack.enterAsyncContext(null))
        .withMessage("manager cannot be null");
    assertThatNullPointerException()
        .isThrownBy(() -> stack.pushAsyncExit((AsyncExitHandler) null))
        .withMessage("handler cannot be null");
    assertThatNullPointerException()
        .isThrownBy(() -> stack.pushAsyncExit((AsyncContextManager<?>) null))
        .withMessage("manager cannot be null");
    assertThatNullPointerException()
        .isThrownBy(() -> stack.pushAsyncCallback(null))
        .withMessage("action cannot be null");
    assertThat(failureOf(stack.enterAsyncContext(failing))).isSameAs(enterFailure);

    assertThat(stack).hasToString("AsyncExitStack[0 cleanups]");
    join(stack.closeAsync());
    assertThat(exits).isEmpty();
  }

  // CPython: TestAsyncExitStack.test_async_exit_exception_chaining
  // Differs on purpose (rule 4), as TestBaseExitStack.test_exit_exception_chaining: a failing
  // async callback is attached to the exception in flight instead of replacing it. CPython: the
  // IndexError propagates (context KeyError, then AttributeError) and the suppressing exit sees
  // the ValueError (context ZeroDivisionError).
  @Test
  void attachesAsyncCallbackFailuresToTheExceptionInFlight_whenMixedWithASuppressingExit() {
    ArithmeticException zde = new ArithmeticException("/ by zero");
    IllegalArgumentException valueError = new IllegalArgumentException("value");
    IllegalStateException attributeError = new IllegalStateException("attribute");
    NoSuchElementException keyError = new NoSuchElementException("key");
    IndexOutOfBoundsException indexError = new IndexOutOfBoundsException("index");
    RecordingExit suppressExc = new RecordingExit(true);

    Throwable failure =
        failureOf(
            Contexts.withAsync(
                new AsyncExitStack(),
                stack -> {
                  stack.pushAsyncCallback(() -> failed(indexError));
                  stack.pushAsyncCallback(() -> failed(keyError));
                  stack.pushAsyncCallback(() -> failed(attributeError));
                  stack.pushAsyncExit(suppressExc);
                  stack.pushAsyncCallback(() -> failed(valueError));
                  return failed(zde);
                }));

    assertThat(failure).isSameAs(attributeError);
    assertThat(attributeError.getSuppressed()).containsExactly(keyError, indexError);
    assertThat(keyError.getSuppressed()).isEmpty();
    assertThat(indexError.getSuppressed()).isEmpty();
    assertThat(suppressExc.seen).containsExactly(zde);
    assertThat(zde.getSuppressed()).containsExactly(valueError);
    assertThat(valueError.getSuppressed()).isEmpty();
  }

  private static final class MyException extends Exception {
    private static final long serialVersionUID = 1L;
  }

  // CPython: TestAsyncExitStack.test_async_exit_exception_explicit_none_context
  // CPython's body raises a new exception and clears the __context__ its raise set; a Java body
  // that fails with a new exception attaches nothing, and neither the manager nor an
  // AsyncExitStack around it attaches the block's exception (no implicit chaining).
  @Test
  void attachesNothingToTheBodysNewException_whenUsedDirectlyOrThroughAnAsyncExitStack() {
    List<MyException> raised = new ArrayList<>();
    Supplier<AsyncContextManager<@Nullable Void>> myCm =
        () ->
            Contexts.asyncContextManager(
                y ->
                    y.yieldAsync(null)
                        .handle(
                            (v, failure) -> {
                              MyException exc = new MyException();
                              raised.add(exc);
                              return AsyncTesting.<Void>failed(exc);
                            })
                        .thenCompose(stage -> stage));
    Supplier<AsyncContextManager<AsyncExitStack>> myCmWithExitStack =
        () ->
            Contexts.asyncContextManager(
                y ->
                    Contexts.withAsync(
                        new AsyncExitStack(),
                        stack ->
                            stack
                                .enterAsyncContext(myCm.get())
                                .thenCompose(v -> y.yieldAsync(stack))));

    for (Supplier<? extends AsyncContextManager<?>> cm : List.of(myCm, myCmWithExitStack)) {
      IndexOutOfBoundsException indexError = new IndexOutOfBoundsException();

      Throwable failure = failureOf(Contexts.withAsync(cm.get(), v -> failed(indexError)));

      assertThat(failure).isSameAs(raised.get(raised.size() - 1));
      assertThat(failure.getSuppressed()).isEmpty();
      assertThat(failure.getCause()).isNull();
    }
    assertThat(raised).hasSize(2);
  }
}
