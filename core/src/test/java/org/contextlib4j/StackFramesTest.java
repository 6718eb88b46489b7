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

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.contextlib4j.internal.Frames;
import org.contextlib4j.internal.Unwinding;
import org.junit.jupiter.api.Test;

/**
 * The stacks' side of the unwind engine's frame protocol where no public call reaches it: an
 * unwinding whose machinery failed gives up the close it owns, so that the stack can be closed
 * again (by another thread, for a {@link ConcurrentExitStack}) and nothing stays stranded.
 */
class StackFramesTest {

  @Test
  void abandon_givesUpAnExitStacksClose_soThatTheNextCloseRunsItsCleanups() {
    ExitStack stack = new ExitStack();
    List<String> ran = new CopyOnWriteArrayList<>();
    stack.callback(() -> ran.add("cleanup"));
    assertThat(StackFrames.INSTANCE.begin(stack)).isEqualTo(Frames.OWNER);
    assertThat(StackFrames.INSTANCE.begin(stack)).as("while it runs").isEqualTo(Frames.REENTRANT);

    StackFrames.INSTANCE.abandon(stack);

    stack.close();
    assertThat(ran).containsExactly("cleanup");
  }

  @Test
  void abandon_givesUpAConcurrentStacksClose_andWakesAnotherThreadWaitingToClose()
      throws Exception {
    ConcurrentExitStack stack = new ConcurrentExitStack();
    List<String> ran = new CopyOnWriteArrayList<>();
    stack.callback(() -> ran.add("cleanup"));
    assertThat(StackFrames.INSTANCE.begin(stack)).isEqualTo(Frames.OWNER);

    CompletableFuture<Void> closed = new CompletableFuture<>();
    Thread other =
        new Thread(
            () -> {
              stack.close(); // waits for this thread's unwinding to end
              closed.complete(null);
            },
            "second-closer");
    other.start();
    ConcurrentExitStackTest.awaitBlocked(other);
    assertThat(ran).isEmpty();

    StackFrames.INSTANCE.abandon(stack);

    closed.get(30, TimeUnit.SECONDS);
    assertThat(ran).containsExactly("cleanup");
    other.join();
  }

  /**
   * A concurrent stack's closer takes the registrations off the stack in one step and runs them
   * without the lock: given up after its first entry, the entries it had taken but not run go back,
   * under what was registered meanwhile, and the next close runs them all, newest first.
   */
  @Test
  void abandon_ofAConcurrentStacksClose_afterOneEntry_givesBackTheEntriesNotRun() throws Exception {
    ConcurrentExitStack stack = new ConcurrentExitStack();
    List<String> ran = new CopyOnWriteArrayList<>();
    stack.callback(() -> ran.add("first"));
    stack.callback(() -> ran.add("second"));
    stack.callback(() -> ran.add("third"));
    assertThat(StackFrames.INSTANCE.begin(stack)).isEqualTo(Frames.OWNER);
    Unwinding taking = new Unwinding(StackFrames.INSTANCE, stack, true, null) {};
    assertThat(StackFrames.INSTANCE.pop(stack, true, taking)).isTrue();
    ((CleanupAction) taking.entry()).run();
    stack.callback(() -> ran.add("registered meanwhile"));

    StackFrames.INSTANCE.abandon(stack);

    assertThat(stack).hasToString("ConcurrentExitStack[3 cleanups]");
    stack.close();
    assertThat(ran).containsExactly("third", "registered meanwhile", "second", "first");
  }

  @Test
  void abandon_byAThreadThatIsNotTheCloser_changesNothing() throws Exception {
    ConcurrentExitStack stack = new ConcurrentExitStack();
    List<String> ran = new CopyOnWriteArrayList<>();
    stack.callback(() -> ran.add("cleanup"));
    assertThat(StackFrames.INSTANCE.begin(stack)).isEqualTo(Frames.OWNER);
    CompletableFuture<Integer> otherRole = new CompletableFuture<>();
    Thread other =
        new Thread(
            () -> {
              StackFrames.INSTANCE.abandon(stack); // not its close: ignored
              otherRole.complete(0);
            });
    other.start();
    otherRole.get(30, TimeUnit.SECONDS);
    assertThat(StackFrames.INSTANCE.begin(stack))
        .as("still this thread's")
        .isEqualTo(Frames.REENTRANT);
    StackFrames.INSTANCE.abandon(stack);
    stack.close();
    assertThat(ran).containsExactly("cleanup");
  }

  /**
   * An escaping error gives the closer's role up with no call at all (StackFrames.unwind's handler
   * only sets a field), so nobody notifies the threads waiting to close: they look again on their
   * own, and the first takes over.
   */
  @Test
  void aCloserThatGaveUpWithoutNotifying_isTakenOverByTheThreadWaitingToClose() throws Exception {
    ConcurrentExitStack stack = new ConcurrentExitStack();
    List<String> ran = new CopyOnWriteArrayList<>();
    stack.callback(() -> ran.add("cleanup"));
    assertThat(StackFrames.INSTANCE.begin(stack)).isEqualTo(Frames.OWNER);
    Thread other = new Thread(stack::close, "second-closer");
    other.start();
    ConcurrentExitStackTest.awaitBlocked(other);

    stack.abandoned = true; // what the escape handler does

    other.join(TimeUnit.SECONDS.toMillis(30));
    assertThat(other.isAlive()).as("still waiting").isFalse();
    assertThat(ran).containsExactly("cleanup");
    assertThat(stack).hasToString("ConcurrentExitStack[closed]");
  }

  /** A closer whose thread has ended cannot be unwinding: the next close takes over at once. */
  @Test
  void aCloserWhoseThreadEnded_isTakenOverByTheNextClose() throws Exception {
    ConcurrentExitStack stack = new ConcurrentExitStack();
    List<String> ran = new CopyOnWriteArrayList<>();
    stack.callback(() -> ran.add("cleanup"));
    AtomicInteger role = new AtomicInteger();
    Thread gone = new Thread(() -> role.set(StackFrames.INSTANCE.begin(stack)), "gone");
    gone.start();
    gone.join();
    assertThat(role).hasValue(Frames.OWNER);
    assertThat(stack).hasToString("ConcurrentExitStack[closing]");

    stack.close();

    assertThat(ran).containsExactly("cleanup");
    assertThat(stack).hasToString("ConcurrentExitStack[closed]");
  }
}
