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

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * CPython's {@code AclosingTestCase}, ported to {@link Contexts#closingAsync}: Python's {@code
 * aclosing(thing)} calls {@code thing.aclose()}; in Java the close function is given explicitly.
 */
class ClosingAsyncTest {

  /** Python's {@code class C: async def aclose(self)}: records each close. */
  private static final class C {
    final List<Integer> state = new ArrayList<>();

    CompletionStage<@Nullable Void> aclose() {
      state.add(1);
      return done();
    }
  }

  // CPython: AclosingTestCase.test_aclosing
  @Test
  void entersToTheResourceAndClosesItOnce_whenTheBlockCompletes() {
    C x = new C();
    assertThat(x.state).isEmpty();

    join(
        Contexts.withAsync(
            Contexts.closingAsync(x, C::aclose),
            y -> {
              assertThat(y).isSameAs(x);
              assertThat(x.state).isEmpty();
              return done();
            }));

    assertThat(x.state).containsExactly(1);
  }

  // CPython: AclosingTestCase.test_aclosing_error
  @Test
  void closesTheResourceOnceAndFailsWithTheSameException_whenTheBlockFails() {
    C x = new C();
    ArithmeticException zde = new ArithmeticException("/ by zero");

    Throwable failure =
        failureOf(
            Contexts.withAsync(
                Contexts.closingAsync(x, C::aclose),
                y -> {
                  assertThat(y).isSameAs(x);
                  return failed(zde);
                }));

    assertThat(failure).isSameAs(zde);
    assertThat(zde.getSuppressed()).isEmpty();
    assertThat(x.state).containsExactly(1);
  }

  /**
   * Python's async generator in bpo-41229: yields -1, -2 while holding a synchronous resource,
   * released when the generator is closed. Here the resource is a generator-style manager held open
   * (split mode) in an {@link ExitStack} until {@link #aclose}.
   */
  private static final class Agen {
    private final ExitStack resources = new ExitStack();
    private int next = -1;

    Agen(ContextManager<?> syncResource) {
      resources.enterContext(syncResource);
    }

    CompletionStage<Integer> anext() {
      return CompletableFuture.completedFuture(next--);
    }

    CompletionStage<@Nullable Void> aclose() {
      resources.close();
      return done();
    }
  }

  // CPython: AclosingTestCase.test_aclosing_bpo41229
  // What is checked: an async resource holding a synchronous one releases it when the block fails
  // after using it. Python's async generator becomes a small class; its aclose, which throws
  // GeneratorExit into the generator to run its finally, becomes closing the stack it holds.
  @Test
  void releasesTheSyncResourceTheAsyncOneHolds_whenTheBlockFailsAfterUsingIt() {
    List<Integer> state = new ArrayList<>();
    ContextManager<@Nullable Void> syncResource =
        Contexts.contextManager(
            y -> {
              try {
                y.yield(null);
              } finally {
                state.add(1);
              }
            });
    Agen x = new Agen(syncResource);
    assertThat(state).isEmpty();
    ArithmeticException zde = new ArithmeticException("/ by zero");

    Throwable failure =
        failureOf(
            Contexts.withAsync(
                Contexts.closingAsync(x, Agen::aclose),
                y -> {
                  assertThat(y).isSameAs(x);
                  assertThat(join(x.anext())).isEqualTo(-1);
                  return failed(zde);
                }));

    assertThat(failure).isSameAs(zde);
    assertThat(state).containsExactly(1);
  }

  // Not in CPython: the close stage completes on another thread, after the block; the result waits
  // for it, and a failing close is attached to the block's exception (rule 4).
  @Test
  void completesAfterTheCloseStage_andAttachesAFailingClose_whenItCompletesOnAnotherThread()
      throws InterruptedException {
    ExecutorService other = Executors.newSingleThreadExecutor();
    try {
      CompletableFuture<@Nullable Void> canClose = new CompletableFuture<>();
      IllegalStateException closeFailure = new IllegalStateException("close");
      ArithmeticException zde = new ArithmeticException("/ by zero");
      List<String> closedOn = new ArrayList<>();

      CompletionStage<@Nullable Object> result =
          Contexts.withAsync(
              Contexts.closingAsync(
                  "resource",
                  r ->
                      canClose.thenRunAsync(
                          () -> {
                            closedOn.add(Thread.currentThread().getName());
                            throw closeFailure;
                          },
                          other)),
              r -> failed(zde));
      assertThat(result.toCompletableFuture()).isNotDone();
      canClose.complete(null);

      assertThat(failureOf(result)).isSameAs(zde);
      assertThat(zde.getSuppressed()).containsExactly(closeFailure);
      assertThat(closedOn)
          .hasSize(1)
          .first()
          .asString()
          .isNotEqualTo(Thread.currentThread().getName());
    } finally {
      other.shutdown();
      assertThat(other.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void exitFailsWithAnNpeNamingClose_whenCloseReturnsNull() {
    AsyncContextManager<String> manager = Contexts.closingAsync("resource", r -> null);

    Throwable failure = failureOf(Contexts.withAsync(manager, r -> done()));

    assertThat(failure)
        .isExactlyInstanceOf(NullPointerException.class)
        .hasMessage(
            "close returned null; the close function given to closingAsync must return a"
                + " CompletionStage");
  }

  @Test
  void blocksFailureStaysPrimary_withTheNpeAttached_whenCloseReturnsNull() {
    IllegalStateException block = new IllegalStateException("block");
    AsyncContextManager<String> manager = Contexts.closingAsync("resource", r -> null);

    Throwable failure = failureOf(Contexts.withAsync(manager, r -> failed(block)));

    assertThat(failure).isSameAs(block);
    assertThat(block.getSuppressed())
        .singleElement()
        .isInstanceOf(NullPointerException.class)
        .extracting(Throwable::getMessage)
        .asString()
        .startsWith("close returned null");
  }
}
