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
package org.contextlib4j.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link Handoff} on its own: the caller side may move between threads from one hand-off to the
 * next, as a split-mode manager entered on one thread and exited on another does.
 */
class HandoffTest {

  /** A helper that answers each command with the event "saw " + command, until "stop". */
  private static Runnable echo(Handoff handoff, List<Object> commands) {
    return () -> {
      handoff.attachHelper();
      handoff.post("ready");
      while (true) {
        Object command = handoff.awaitCommand();
        commands.add(command);
        handoff.post("saw " + command);
        if ("stop".equals(command)) {
          return;
        }
      }
    };
  }

  @Test
  void answersEachCall_whenSuccessiveCallsComeFromDifferentThreads() throws Exception {
    Handoff handoff = new Handoff();
    List<Object> commands = Collections.synchronizedList(new ArrayList<>());
    assertThat(handoff.start(echo(handoff, commands))).isEqualTo("ready");

    // Each call on its own thread, one after the other; a call that kept the hand-off's lock
    // after returning would leave the next caller (and the helper) waiting forever.
    for (String command : List.of("a", "b", "stop")) {
      CompletableFuture<Object> event = new CompletableFuture<>();
      Thread caller =
          new Thread(
              () -> {
                try {
                  event.complete(handoff.call(command));
                } catch (Throwable t) {
                  event.completeExceptionally(t);
                }
              },
              "caller-" + command);
      caller.start();
      assertThat(event.get(10, TimeUnit.SECONDS)).isEqualTo("saw " + command);
      caller.join();
    }
    assertThat(commands).containsExactly("a", "b", "stop");
  }

  @Test
  void sidesThatWaitParked_comeBackWithTheirInterruptStatusClear() throws Exception {
    Handoff handoff = new Handoff();
    CompletableFuture<Boolean> helperInterrupted = new CompletableFuture<>();
    Object first =
        handoff.start(
            () -> {
              handoff.attachHelper();
              sleepPastTheSpin();
              handoff.post("ready"); // the caller waited parked for this
              handoff.awaitCommand(); // and this waits parked for the caller
              helperInterrupted.complete(Thread.currentThread().isInterrupted());
              handoff.post("done");
            });
    assertThat(first).isEqualTo("ready");
    assertThat(Thread.currentThread().isInterrupted()).as("caller interrupted").isFalse();
    sleepPastTheSpin();
    assertThat(handoff.call("go")).isEqualTo("done");
    assertThat(helperInterrupted.get(10, TimeUnit.SECONDS)).as("helper interrupted").isFalse();
    assertThat(Thread.currentThread().isInterrupted()).as("caller interrupted").isFalse();
  }

  @Test
  void anInterruptOfTheParkedHelper_staysSetForWhatItRunsAfterItResumes() throws Exception {
    Handoff handoff = new Handoff();
    CompletableFuture<Thread> helper = new CompletableFuture<>();
    CompletableFuture<Boolean> interruptedAfterResume = new CompletableFuture<>();
    handoff.start(
        () -> {
          handoff.attachHelper();
          helper.complete(Thread.currentThread());
          handoff.post("ready");
          handoff.awaitCommand();
          interruptedAfterResume.complete(Thread.interrupted());
          handoff.post("done");
        });
    Thread thread = helper.get(10, TimeUnit.SECONDS);
    awaitState(thread, Thread.State.WAITING); // parked in awaitCommand
    thread.interrupt();
    assertThat(handoff.call("go")).isEqualTo("done");
    assertThat(interruptedAfterResume.get(10, TimeUnit.SECONDS)).isTrue();
  }

  /** Long enough that the other side stops spinning and parks: a few microseconds would do. */
  private static void sleepPastTheSpin() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  static void awaitState(Thread thread, Thread.State state) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (thread.getState() != state) {
      assertThat(System.nanoTime()).as(thread + " " + state + " within 30 s").isLessThan(deadline);
      Thread.onSpinWait();
    }
  }
}
