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
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code popAll()} called while the stack unwinds (issue 13): it throws {@link
 * IllegalStateException} and moves nothing, on the three stacks, for as long as the unwinding runs.
 * The contract part ({@link ExitStackContract}) covers the common cases on every stack; these are
 * the cases with a re-entrant close, which must run on the unwinding's own thread.
 */
class PopAllDuringUnwindTest {

  private final List<String> log = new ArrayList<>();

  /** A synchronous stack: its registration and its close. */
  interface SyncStack {
    CleanupStack stack();

    void close();
  }

  static Stream<SyncStack> syncStacks() {
    ExitStack plain = new ExitStack();
    ConcurrentExitStack concurrent = new ConcurrentExitStack();
    return Stream.of(
        new SyncStack() {
          @Override
          public CleanupStack stack() {
            return plain;
          }

          @Override
          public void close() {
            plain.close();
          }
        },
        new SyncStack() {
          @Override
          public CleanupStack stack() {
            return concurrent;
          }

          @Override
          public void close() {
            concurrent.close();
          }
        });
  }

  @ParameterizedTest
  @MethodSource("syncStacks")
  void popAllStillThrows_afterAReentrantCloseInsideTheSameUnwinding(SyncStack sync) {
    CleanupStack stack = sync.stack();
    stack.callback(() -> log.add("older"));
    stack.callback(
        () -> {
          sync.close(); // re-entrant: runs "older" now
          stack.callback(() -> log.add("registered after the re-entrant close"));
          stack.popAll();
        });

    Throwable thrown = catchThrowable(sync::close);

    assertThat(thrown).isInstanceOf(IllegalStateException.class);
    assertThat(log).containsExactly("older", "registered after the re-entrant close");
  }

  @Test
  void asyncExitStack_popAllStillThrows_afterAReentrantCloseInsideTheSameUnwinding() {
    AsyncExitStack stack = new AsyncExitStack();
    stack.callback(() -> log.add("older"));
    stack.callback(
        () -> {
          var unused = stack.closeAsync(); // re-entrant: on the driving thread, it runs "older"
          stack.callback(() -> log.add("registered after the re-entrant close"));
          stack.popAll();
        });

    Throwable thrown = AsyncTesting.failureOf(stack.closeAsync());

    assertThat(thrown).isInstanceOf(IllegalStateException.class);
    assertThat(log).containsExactly("older", "registered after the re-entrant close");
  }

  @Test
  void asyncExitStack_popAllWhileACloseWaitsForAStage_throws_andWorksOnceItEnded() {
    AsyncExitStack stack = new AsyncExitStack();
    CompletableFuture<@Nullable Void> pending = new CompletableFuture<>();
    stack.callback(() -> log.add("older"));
    stack.pushAsyncCallback(() -> pending);
    var closed = stack.closeAsync();

    Throwable refused = catchThrowable(stack::popAll);
    pending.complete(null);

    assertThat(refused).isInstanceOf(IllegalStateException.class);
    AsyncTesting.join(closed);
    assertThat(log).containsExactly("older");
    assertThat(stack.popAll()).hasToString("AsyncExitStack[0 cleanups]"); // the close has ended
  }

  @Test
  void aStackUnwoundByContextsWith_refusesPopAllFromItsCleanups_andNotAfterwards() {
    ExitStack stack = new ExitStack();
    Throwable thrown =
        catchThrowable(
            () ->
                Contexts.run(
                    stack,
                    s -> {
                      s.callback(() -> log.add("older"));
                      s.callback(s::popAll);
                    }));

    assertThat(thrown).isInstanceOf(IllegalStateException.class);
    assertThat(log).containsExactly("older");
    stack.callback(() -> log.add("moved"));
    stack.popAll().close();
    assertThat(log).containsExactly("older", "moved");
  }
}
