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
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Fatal errors and interrupts (issue 6): a {@link VirtualMachineError} from a plain cleanup is
 * never hidden under an ordinary exception, every remaining cleanup still runs, and an {@link
 * InterruptedException} that ends up suppressed sets the interrupt status again. Sync and async.
 */
class FatalAndInterruptTest {

  private final List<String> log = new ArrayList<>();

  @AfterEach
  void clearInterrupt() {
    boolean ignored = Thread.interrupted();
  }

  private static @Nullable Throwable failureOf(java.util.concurrent.CompletionStage<?> stage)
      throws Exception {
    try {
      stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
      return null;
    } catch (ExecutionException e) {
      return e.getCause();
    }
  }

  @Test
  void outOfMemoryFromAClose_becomesTheExceptionInFlight_withTheBodysAttached() {
    ExitStack stack = new ExitStack();
    OutOfMemoryError oom = new OutOfMemoryError("close");
    stack.callback(() -> log.add("earlier cleanup still runs"));
    stack.register(
        () -> {
          throw oom;
        });
    IllegalStateException body = new IllegalStateException("body");
    Throwable thrown = catchThrowable(() -> stack.close(body));
    assertThat(thrown).isSameAs(oom);
    assertThat(oom.getSuppressed()).containsExactly(body);
    assertThat(log).containsExactly("earlier cleanup still runs");
  }

  @Test
  void ordinaryFailureFromACleanup_staysUnderAnOutOfMemoryInFlight() {
    ExitStack stack = new ExitStack();
    IllegalStateException closeFailure = new IllegalStateException("close");
    stack.register(
        () -> {
          throw closeFailure;
        });
    StackOverflowError body = new StackOverflowError("body");
    assertThat(catchThrowable(() -> stack.close(body))).isSameAs(body);
    assertThat(body.getSuppressed()).containsExactly(closeFailure);
  }

  @Test
  void outOfMemoryFromAnAsyncCallback_becomesTheExceptionInFlight() throws Exception {
    AsyncExitStack stack = new AsyncExitStack();
    OutOfMemoryError oom = new OutOfMemoryError("async close");
    stack.callback(() -> log.add("earlier cleanup still runs"));
    stack.pushAsyncCallback(() -> CompletableFuture.failedFuture(oom));
    IllegalStateException body = new IllegalStateException("body");
    assertThat(failureOf(stack.closeAsync(body))).isSameAs(oom);
    assertThat(oom.getSuppressed()).containsExactly(body);
    assertThat(log).containsExactly("earlier cleanup still runs");
  }

  @Test
  void interruptedExceptionAttachedToTheBodysException_setsTheInterruptStatusAgain() {
    ExitStack stack = new ExitStack();
    InterruptedException interrupted = new InterruptedException("close was interrupted");
    stack.register(
        () -> {
          throw interrupted;
        });
    IllegalStateException body = new IllegalStateException("body");
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
    assertThat(catchThrowable(() -> stack.close(body))).isSameAs(body);
    assertThat(body.getSuppressed()).containsExactly(interrupted);
    assertThat(Thread.currentThread().isInterrupted()).isTrue();
  }

  @Test
  void interruptedExceptionSuppressedByAnExit_setsTheInterruptStatusAgain() {
    ExitStack stack = new ExitStack();
    stack.push(failure -> true);
    stack.close(new InterruptedException("block was interrupted"));
    assertThat(Thread.currentThread().isInterrupted()).isTrue();
  }

  @Test
  void interruptedExceptionThatPropagates_leavesTheInterruptStatusAlone() {
    ExitStack stack = new ExitStack();
    stack.push(failure -> false);
    InterruptedException interrupted = new InterruptedException("block was interrupted");
    assertThat(catchThrowable(() -> stack.close(interrupted))).isSameAs(interrupted);
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
  }

  @Test
  void interruptedExceptionSuppressedByAnAsyncExit_setsTheInterruptStatusAgain() throws Exception {
    AsyncExitStack stack = new AsyncExitStack();
    stack.pushAsyncExit(failure -> CompletableFuture.completedFuture(true));
    assertThat(failureOf(stack.closeAsync(new InterruptedException("interrupted")))).isNull();
    assertThat(Thread.currentThread().isInterrupted()).isTrue();
  }
}
