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
import static org.contextlib4j.AsyncTesting.done;
import static org.contextlib4j.AsyncTesting.failed;
import static org.contextlib4j.AsyncTesting.failureOf;
import static org.contextlib4j.AsyncTesting.join;
import static org.contextlib4j.AsyncTesting.unwrap;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * CPython's {@code AsyncContextManagerTestCase} ({@code @asynccontextmanager} and its use as a
 * decorator, {@code AsyncContextDecorator}), ported to {@link Contexts#asyncContextManager} and
 * {@link Contexts#decorateAsyncSupplier} / {@link Contexts#decorateAsyncFunction}. Python's async
 * generator function is an {@link AsyncGeneratorBody}; its {@code yield} is {@code
 * y.yieldAsync(value)}, a stage that completes when the with-block has finished (exceptionally with
 * the block's exception). Python's {@code async with} is {@link Contexts#withAsync}; where CPython
 * calls {@code __aenter__}/{@code __aexit__} by hand, so does the port.
 *
 * <p>Exception types map as in {@link GeneratorContextManagerCPythonTest}; StopIteration and
 * StopAsyncIteration map to NoSuchElementException. Tests never sleep: where the order matters,
 * stages are completed by hand.
 */
class AsyncGeneratorContextManagerCPythonTest {

  static final class RuntimeErrorSubclass extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    RuntimeErrorSubclass(int value) {
      super(String.valueOf(value));
    }
  }

  static final class SyntaxError extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  static final class StopIterationSubclass extends NoSuchElementException {
    private static final long serialVersionUID = 1L;

    StopIterationSubclass(String message) {
      super(message);
    }
  }

  // CPython: AsyncContextManagerTestCase.test_contextmanager_plain
  // The with-block's stage is completed by hand: the teardown runs only then.
  @Test
  void runsSetupBeforeAndTeardownAfterTheBlock_andEntersToTheYieldedValue() {
    List<Integer> state = new ArrayList<>();
    AsyncContextManager<Integer> woohoo =
        Contexts.asyncContextManager(
            y -> {
              state.add(1);
              return y.yieldAsync(42).thenRun(() -> state.add(999));
            });
    CompletableFuture<String> block = new CompletableFuture<>();

    CompletionStage<@Nullable String> result =
        Contexts.withAsync(
            woohoo,
            x -> {
              assertThat(state).containsExactly(1);
              assertThat(x).isEqualTo(42);
              state.add(x);
              return block;
            });
    assertThat(state).containsExactly(1, 42);
    assertThat(result.toCompletableFuture()).isNotDone();
    block.complete("body");

    assertThat(join(result)).isEqualTo("body");
    assertThat(state).containsExactly(1, 42, 999);
  }

  // CPython: AsyncContextManagerTestCase.test_contextmanager_finally
  @Test
  void runsTheFinallyStepAndFailsWithTheSameException_whenTheBlockFails() {
    List<Integer> state = new ArrayList<>();
    AsyncContextManager<Integer> woohoo =
        Contexts.asyncContextManager(
            y -> {
              state.add(1);
              return y.yieldAsync(42).whenComplete((v, failure) -> state.add(999));
            });
    ArithmeticException zde = new ArithmeticException();

    Throwable failure =
        failureOf(
            Contexts.withAsync(
                woohoo,
                x -> {
                  assertThat(state).containsExactly(1);
                  assertThat(x).isEqualTo(42);
                  state.add(x);
                  return failed(zde);
                }));

    assertThat(failure).isSameAs(zde);
    assertThat(zde.getSuppressed()).isEmpty();
    assertThat(state).containsExactly(1, 42, 999);
  }

  // CPython: AsyncContextManagerTestCase.test_contextmanager_traceback
  // Python checks the traceback holds only the block's frame. A Java stack trace is fixed when the
  // exception is made: the port checks that the library leaves it untouched, also when the block
  // fails on another thread. The StopIteration/StopAsyncIteration sub-cases are ported in
  // test_contextmanager_except_stopiter (no PEP 479 path in Java).
  @Test
  void leavesTheBlockExceptionsStackTraceUntouched_evenWhenItFailsOnAnotherThread()
      throws InterruptedException {
    int zero = 0;
    Throwable divided =
        failureOf(
            Contexts.withAsync(
                Contexts.asyncContextManager(y -> y.yieldAsync(null)),
                v -> CompletableFuture.completedFuture(1 / zero)));

    assertThat(divided).isInstanceOf(ArithmeticException.class);
    StackTraceElement top = divided.getStackTrace()[0];
    assertThat(top.getClassName())
        .isEqualTo(AsyncGeneratorContextManagerCPythonTest.class.getName());
    assertThat(top.getMethodName()).startsWith("lambda$leavesTheBlockExceptionsStackTrace");

    ExecutorService other = Executors.newSingleThreadExecutor();
    try {
      RuntimeErrorSubclass runtimeError = new RuntimeErrorSubclass(42);
      StackTraceElement[] trace = runtimeError.getStackTrace();

      Throwable failure =
          failureOf(
              Contexts.withAsync(
                  Contexts.asyncContextManager(y -> y.yieldAsync(null)),
                  v ->
                      CompletableFuture.runAsync(
                          () -> {
                            throw runtimeError;
                          },
                          other)));

      assertThat(failure).isSameAs(runtimeError);
      assertThat(runtimeError.getStackTrace()).isEqualTo(trace);
      assertThat(runtimeError.getSuppressed()).isEmpty();
    } finally {
      other.shutdown();
      assertThat(other.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  // CPython: AsyncContextManagerTestCase.test_contextmanager_no_reraise
  @Test
  void exitCompletesWithFalse_whenTheBodyLetsTheGivenExceptionThrough() {
    AsyncContextManager<@Nullable Void> ctx = Contexts.asyncContextManager(y -> y.yieldAsync(null));
    join(ctx.enterAsync());
    IllegalArgumentException typeError = new IllegalArgumentException("foo");

    assertThat(join(ctx.exitAsync(typeError))).isFalse();

    assertThat(typeError.getSuppressed()).isEmpty();
  }

  // CPython: AsyncContextManagerTestCase.test_contextmanager_trap_yield_after_throw
  @Test
  void failsWithDidNotStopAfterThrow_andClosesTheBody_whenItYieldsAgainAfterTheBlockFailed() {
    List<String> trail = new ArrayList<>();
    AsyncContextManager<@Nullable Void> ctx =
        Contexts.asyncContextManager(
            y ->
                y.yieldAsync(null)
                    .handle(
                        (v, failure) ->
                            failure == null
                                ? done()
                                : y.yieldAsync(null).thenRun(() -> trail.add("after 2nd yield")))
                    .thenCompose(stage -> stage)
                    .whenComplete((v, failure) -> trail.add("finally")));
    join(ctx.enterAsync());
    IllegalArgumentException typeError = new IllegalArgumentException("foo");

    Throwable failure = failureOf(ctx.exitAsync(typeError));

    assertThat(failure)
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessage(
            "the asyncContextManager body called yieldAsync a second time, after the block's exception"
                + " was thrown into it (attached); a body must call yieldAsync exactly once");
    assertThat(failure.getSuppressed()).containsExactly(typeError);
    assertThat(trail).containsExactly("finally");
  }

  // CPython: AsyncContextManagerTestCase.test_contextmanager_trap_no_yield
  @Test
  void enterFailsWithDidNotYield_whenTheBodyEndsWithoutYielding() {
    AsyncContextManager<@Nullable Void> ctx = Contexts.asyncContextManager(y -> done());

    Throwable failure = failureOf(ctx.enterAsync());

    assertThat(failure)
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessage(
            "the asyncContextManager body ended without calling yieldAsync; a body must call"
                + " yieldAsync exactly once");
  }

  // CPython: AsyncContextManagerTestCase.test_contextmanager_trap_second_yield
  @Test
  void exitFailsWithDidNotStop_whenTheBodyYieldsTwice() {
    List<String> trail = new ArrayList<>();
    AsyncContextManager<@Nullable Void> ctx =
        Contexts.asyncContextManager(
            y ->
                y.yieldAsync(null)
                    .thenCompose(v -> y.yieldAsync(null))
                    .thenRun(() -> trail.add("after 2nd yield")));
    join(ctx.enterAsync());

    Throwable failure = failureOf(ctx.exitAsync(null));

    assertThat(failure)
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessage(
            "the asyncContextManager body called yieldAsync a second time; a body must call yieldAsync"
                + " exactly once");
    assertThat(failure.getSuppressed()).isEmpty();
    assertThat(trail).isEmpty();
  }

  // CPython: AsyncContextManagerTestCase.test_contextmanager_non_normalised
  // Python passes an exception type without an instance; Java always has the instance. The body's
  // replacement is ported. Differs (no implicit chaining): nothing is attached to the SyntaxError.
  @Test
  void failsWithWhatTheBodyFailsWithInstead_andAttachesNothing_whenTheBodyCatchesTheException() {
    SyntaxError syntaxError = new SyntaxError();
    AsyncContextManager<@Nullable Void> ctx =
        Contexts.asyncContextManager(
            y ->
                y.yieldAsync(null)
                    .exceptionally(
                        failure -> {
                          if (unwrap(failure) instanceof IllegalStateException) {
                            throw syntaxError;
                          }
                          return null;
                        }));
    join(ctx.enterAsync());
    IllegalStateException runtimeError = new IllegalStateException();

    Throwable failure = failureOf(ctx.exitAsync(runtimeError));

    assertThat(failure).isSameAs(syntaxError);
    assertThat(syntaxError.getSuppressed()).isEmpty();
    assertThat(runtimeError.getSuppressed()).isEmpty();
  }

  // CPython: AsyncContextManagerTestCase.test_contextmanager_except
  @Test
  void suppressesTheBlockException_whenTheBodyHandlesIt() {
    List<Object> state = new ArrayList<>();
    AsyncContextManager<Integer> woohoo =
        Contexts.asyncContextManager(
            y -> {
              state.add(1);
              return y.yieldAsync(42)
                  .exceptionally(
                      failure -> {
                        if (!(unwrap(failure) instanceof ArithmeticException zde)) {
                          throw new AssertionError("unexpected", failure);
                        }
                        state.add(Integer.valueOf(zde.getMessage()));
                        assertThat(state).containsExactly(1, 42, 999);
                        return null;
                      });
            });

    @Nullable Object result =
        join(
            Contexts.withAsync(
                woohoo,
                x -> {
                  assertThat(state).containsExactly(1);
                  assertThat(x).isEqualTo(42);
                  state.add(x);
                  return failed(new ArithmeticException("999"));
                }));

    assertThat(result).isNull();
    assertThat(state).containsExactly(1, 42, 999);
  }

  // CPython: AsyncContextManagerTestCase.test_contextmanager_except_stopiter
  // StopIteration and StopAsyncIteration (and subclasses) have no special meaning in Java: the
  // NoSuchElementException that stands for them comes out as the same instance.
  @Test
  void failsWithTheSameEndOfIterationException_whenTheBlockFailsWithOne() {
    for (NoSuchElementException stopExc :
        List.of(new NoSuchElementException("spam"), new StopIterationSubclass("spam"))) {
      Throwable failure =
          failureOf(
              Contexts.withAsync(
                  Contexts.asyncContextManager(y -> y.yieldAsync(null)), v -> failed(stopExc)));

      assertThat(failure).isSameAs(stopExc);
      assertThat(stopExc.getSuppressed()).isEmpty();
    }
  }

  // CPython: AsyncContextManagerTestCase.test_contextmanager_wrap_runtimeerror
  // First half as is. Second half differs (no PEP 479): CPython unwraps a StopAsyncIteration the
  // body wrapped in a RuntimeError; Java fails with the body's wrapper.
  @Test
  void failsWithTheBodysWrapperInsteadOfTheBlockException_whenTheBodyWrapsIt() {
    Supplier<AsyncContextManager<@Nullable Void>> woohoo =
        () ->
            Contexts.asyncContextManager(
                y ->
                    y.yieldAsync(null)
                        .exceptionally(
                            failure -> {
                              Throwable exc = unwrap(failure);
                              throw new IllegalStateException("caught " + exc, exc);
                            }));
    ArithmeticException zde = new ArithmeticException("/ by zero");
    NoSuchElementException stopAsyncIteration = new NoSuchElementException();

    Throwable wrapped = failureOf(Contexts.withAsync(woohoo.get(), v -> failed(zde)));
    Throwable wrappedStop =
        failureOf(Contexts.withAsync(woohoo.get(), v -> failed(stopAsyncIteration)));

    assertThat(wrapped)
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("caught java.lang.ArithmeticException");
    assertThat(wrapped.getCause()).isSameAs(zde);
    assertThat(wrappedStop).isExactlyInstanceOf(IllegalStateException.class);
    assertThat(wrappedStop.getCause()).isSameAs(stopAsyncIteration);
  }

  // CPython: AsyncContextManagerTestCase.test_recursive
  // One manager instance decorates the function; each call runs a fresh copy of its body (CPython's
  // _recreate_cm), and each recursive call waits for the inner one.
  @Test
  void runsAFreshBodyForEachCall_whenADecoratedFunctionRecurses() {
    int[] depth = {0};
    int[] ncols = {0};
    AsyncContextManager<@Nullable Void> woohoo =
        Contexts.asyncContextManager(
            y -> {
              ncols[0]++;
              int before = depth[0];
              depth[0]++;
              return y.yieldAsync(null)
                  .thenRun(
                      () -> {
                        depth[0]--;
                        assertThat(depth[0]).isEqualTo(before);
                      });
            });
    List<Supplier<CompletionStage<@Nullable Object>>> recursive = new ArrayList<>();
    recursive.add(
        Contexts.decorateAsyncSupplier(
            woohoo, () -> depth[0] < 10 ? recursive.get(0).get() : done()));

    join(recursive.get(0).get());

    assertThat(ncols[0]).isEqualTo(10);
    assertThat(depth[0]).isZero();
  }

  // CPython: AsyncContextManagerTestCase.test_decorator
  @Test
  void runsTheDecoratedFunctionInsideTheManager_andExitsWhenItsStageCompletes() {
    boolean[] entered = {false};
    AsyncContextManager<@Nullable Void> context =
        Contexts.asyncContextManager(
            y -> {
              entered[0] = true;
              return y.yieldAsync(null).thenRun(() -> entered[0] = false);
            });
    CompletableFuture<String> work = new CompletableFuture<>();
    Supplier<CompletionStage<@Nullable String>> test =
        Contexts.decorateAsyncSupplier(
            context,
            () -> {
              assertThat(entered[0]).isTrue();
              return work;
            });

    assertThat(entered[0]).isFalse();
    CompletionStage<@Nullable String> call = test.get();
    assertThat(entered[0]).isTrue();
    work.complete("result");

    assertThat(join(call)).isEqualTo("result");
    assertThat(entered[0]).isFalse();
  }

  // CPython: AsyncContextManagerTestCase.test_decorator_with_exception
  @Test
  void runsTheTeardownAndFailsWithTheSameException_whenTheDecoratedFunctionFails() {
    boolean[] entered = {false};
    AsyncContextManager<@Nullable Void> context =
        Contexts.asyncContextManager(
            y -> {
              entered[0] = true;
              return y.yieldAsync(null).whenComplete((v, failure) -> entered[0] = false);
            });
    IllegalStateException nameError = new IllegalStateException("foo");
    Supplier<CompletionStage<@Nullable Object>> test =
        Contexts.decorateAsyncSupplier(
            context,
            () -> {
              assertThat(entered[0]).isTrue();
              return failed(nameError);
            });

    assertThat(entered[0]).isFalse();
    assertThat(failureOf(test.get())).isSameAs(nameError);

    assertThat(entered[0]).isFalse();
    assertThat(nameError.getSuppressed()).isEmpty();
  }

  // CPython: AsyncContextManagerTestCase.test_decorating_method
  // Python passes positional and keyword arguments through the decorator; in Java the one argument
  // of decorateAsyncFunction and the result pass through unchanged, for each call.
  @Test
  void passesTheArgumentAndTheResultThroughUnchanged_whenAFunctionIsDecorated() {
    record Args(Object a, Object b, @Nullable Object c) {}
    int[] runs = {0};
    AsyncContextManager<@Nullable Void> context =
        Contexts.asyncContextManager(
            y -> {
              runs[0]++;
              return y.yieldAsync(null);
            });
    List<Args> received = new ArrayList<>();
    Function<Args, CompletionStage<@Nullable Args>> method =
        Contexts.decorateAsyncFunction(
            context,
            args -> {
              received.add(args);
              return CompletableFuture.completedFuture(args);
            });
    Args first = new Args(1, 2, null);
    Args second = new Args("a", "b", "c");

    assertThat(join(method.apply(first))).isSameAs(first);
    assertThat(join(method.apply(second))).isSameAs(second);

    assertThat(received).containsExactly(first, second);
    assertThat(runs[0]).isEqualTo(2);
  }
}
