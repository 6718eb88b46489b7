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

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The helper thread a generator-style manager's body runs on in split mode ({@code enter()} and
 * {@code exit()} called separately): what kind of thread it is, and how an interrupt of the caller
 * waiting in {@code enter()} reaches the body.
 */
class SplitModeHelperThreadTest {

  /**
   * An interrupt already pending when enter() is called reaches the body as in callback mode, also
   * when the helper thread has not attached itself yet (it used to be lost then: a race, so the
   * test enters 20 times; a lost interrupt costs the body's bounded wait).
   */
  @Test
  void interruptPendingBeforeEnter_isPassedToTheBody() throws Exception {
    int lost = 0;
    for (int attempt = 0; attempt < 20; attempt++) {
      AtomicBoolean bodyInterrupted = new AtomicBoolean();
      ContextManager<String> manager =
          SplitModes.onThreads(
              y -> {
                try {
                  new CountDownLatch(1).await(300, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                  bodyInterrupted.set(true);
                }
                y.yield("v");
              });
      Thread.currentThread().interrupt();
      String value;
      try {
        value = manager.enter();
      } finally {
        boolean stillSet = Thread.interrupted(); // the caller keeps its status; clear it here
        assertThat(stillSet).isTrue();
      }
      assertThat(manager.exit(null)).isFalse();
      assertThat(value).isEqualTo("v");
      if (!bodyInterrupted.get()) {
        lost++;
      }
    }
    assertThat(lost).as("interrupts lost out of 20").isZero();
  }

  @Test
  void bodiesRunOnDaemonThreads_evenWhenEnteredFromANonDaemonThread() throws Exception {
    // A new thread inherits its creator's daemon status, and on JDK 17 the helpers come from a
    // pool that reuses idle threads. Each suspended body holds its own helper, so entering one
    // more body than there are live threads makes the pool create a helper on the non-daemon
    // caller. (Virtual threads, JDK 21+, are always new and always daemons.)
    Set<Thread> existing = Set.copyOf(Thread.getAllStackTraces().keySet());
    List<ContextManager<Thread>> managers = new ArrayList<>();
    List<Thread> helpers = new ArrayList<>();
    CompletableFuture<@Nullable Void> done = new CompletableFuture<>();
    Thread caller =
        new Thread(
            () -> {
              try {
                do {
                  ContextManager<Thread> manager =
                      SplitModes.onThreads(y -> y.yield(Thread.currentThread()));
                  helpers.add(manager.enter()); // its body is now suspended on its helper
                  managers.add(manager);
                } while (existing.contains(helpers.get(helpers.size() - 1))
                    && helpers.size() <= existing.size());
                for (ContextManager<Thread> manager : managers) {
                  manager.exit(null);
                }
                done.complete(null);
              } catch (Throwable t) {
                done.completeExceptionally(t);
              }
            },
            "non-daemon caller");
    caller.setDaemon(false);
    caller.start();
    done.get(30, TimeUnit.SECONDS);
    caller.join();
    Thread created = helpers.get(helpers.size() - 1);
    assertThat(existing).doesNotContain(created);
    assertThat(helpers).doesNotHaveDuplicates().doesNotContain(caller);
    assertThat(helpers).allSatisfy(helper -> assertThat(helper.isDaemon()).isTrue());
  }

  @Test
  void interruptOfTheCallerWaitingInEnter_isPassedToTheBody_andTheCallersStatusIsRestored()
      throws Exception {
    CountDownLatch bodyWaiting = new CountDownLatch(1);
    AtomicBoolean bodyInterrupted = new AtomicBoolean();
    ContextManager<String> manager =
        SplitModes.onThreads(
            y -> {
              bodyWaiting.countDown();
              try {
                // Bounded, so that a lost interrupt fails the test instead of hanging it.
                new CountDownLatch(1).await(10, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                bodyInterrupted.set(true);
              }
              y.yield("v");
            });
    CompletableFuture<String> entered = new CompletableFuture<>();
    AtomicBoolean callerInterruptedAfterEnter = new AtomicBoolean();
    Thread caller =
        new Thread(
            () -> {
              try {
                entered.complete(manager.enter());
                callerInterruptedAfterEnter.set(Thread.interrupted());
                manager.exit(null);
              } catch (Throwable t) {
                entered.completeExceptionally(t);
              }
            },
            "caller");
    caller.start();
    assertThat(bodyWaiting.await(10, TimeUnit.SECONDS)).isTrue();
    caller.interrupt(); // the caller is in enter(), waiting for the first yield
    assertThat(entered.get(20, TimeUnit.SECONDS)).isEqualTo("v");
    caller.join();
    assertThat(bodyInterrupted).isTrue();
    assertThat(callerInterruptedAfterEnter).isTrue();
  }
}
