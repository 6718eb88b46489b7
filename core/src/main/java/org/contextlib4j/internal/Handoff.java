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

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A strict hand-off between a caller thread and a helper thread: exactly one of them runs at any
 * time. Each message is passed through a volatile field, so every write made before a hand-off
 * happens-before every read after it.
 *
 * <p>The caller sends a command and waits for the helper's next event; the helper waits for
 * commands. A waiting side spins a bounded number of times ({@link Thread#onSpinWait()}) before it
 * parks, so that a hand-off between two threads that are both on a CPU costs no wake-up of a
 * sleeping thread. If the waiting caller is interrupted, the interrupt is passed on to the helper,
 * the caller keeps waiting for the event (the helper must not run alone), and the caller's
 * interrupt status is set again before it returns. {@link #abandon} sends a last command without
 * anyone waiting for the answer, for managers that are garbage collected while suspended.
 */
public final class Handoff {
  /**
   * How many times a waiting side checks for the other's message before it parks: a few
   * microseconds, enough for a setup or teardown that does little, short enough not to hold a CPU
   * long on a busy machine.
   */
  static final int SPINS = 1 << 7;

  /** After spinning, how many times a waiting side yields its CPU before it parks. */
  static final int YIELDS = 1 << 3;

  /**
   * One step of a bounded wait, before parking: spin at first, then let another thread (likely the
   * one to wait for, on a machine with few CPUs) run.
   */
  @SuppressWarnings("ThreadPriorityCheck") // only a hint before parking
  private static void backOff(int step) {
    if (step < SPINS) {
      Thread.onSpinWait();
    } else {
      Thread.yield(); // bounded, and followed by a park: correctness never depends on it
    }
  }

  /**
   * The bounded wait before parking, shared by both sides of a hand-off and by an idle helper:
   * reads {@code read} until it gives a value, {@link #SPINS} + {@link #YIELDS} times at most, and
   * stops early if the thread is interrupted.
   *
   * <p>Timing only: every caller parks in a loop afterwards if this gives {@code null}, so a wait
   * that skips it, or stops early, ends the same way, later. (The mutation run leaves this method
   * and {@link #backOff} out for that reason; see docs/quality.md.)
   *
   * @param read reads the field waited for
   * @param <T> the type of the value waited for
   * @return the value, or {@code null} if it did not come in time
   */
  static <T> @Nullable T spin(Supplier<? extends @Nullable T> read) {
    Thread me = Thread.currentThread();
    T value = read.get();
    for (int i = 0; value == null && i < SPINS + YIELDS && !me.isInterrupted(); i++) {
      backOff(i);
      value = read.get();
    }
    return value;
  }

  private volatile @Nullable Object command;
  private volatile @Nullable Object event;
  private volatile @Nullable Thread helper;
  private volatile @Nullable Thread parkedCaller;
  private volatile @Nullable Thread parkedHelper;

  /** The caller was interrupted: whichever of it and the helper sees the other passes it on. */
  private final AtomicBoolean interruptPending = new AtomicBoolean();

  private volatile boolean abandoned;

  /** Creates a hand-off with nothing pending. */
  public Handoff() {}

  /**
   * Starts {@code task} on a helper thread and waits for its first event.
   *
   * @param task the helper's work; it must end with {@link #post}
   * @return the first event
   */
  public Object start(Runnable task) {
    HelperThreads.start(task);
    return awaitEvent();
  }

  /**
   * Caller side: sends {@code message} to the helper and waits for its next event.
   *
   * @param message the command
   * @return the event
   */
  public Object call(Object message) {
    command = message;
    unpark(parkedHelper);
    return awaitEvent();
  }

  private Object awaitEvent() {
    Object e = spin(this::event);
    if (e == null) {
      Thread me = Thread.currentThread();
      boolean interrupted = false;
      parkedCaller = me; // written before event is read again: post sees one or the other
      while ((e = event()) == null) {
        if (Thread.interrupted()) {
          interrupted = true;
          passInterrupt();
        } else {
          LockSupport.park(this);
        }
      }
      parkedCaller = null;
      if (interrupted) {
        me.interrupt();
      }
    }
    event = null;
    return e;
  }

  /** Reads the pending event: the same read while spinning and while parked. */
  private @Nullable Object event() {
    return event;
  }

  /** Reads the pending command: the same read while spinning and while parked. */
  private @Nullable Object command() {
    return command;
  }

  private void passInterrupt() {
    interruptPending.set(true);
    Thread h = helper;
    if (h != null && interruptPending.getAndSet(false)) {
      h.interrupt();
    }
  }

  /**
   * Helper side: posts an event to the waiting caller (dropped if the manager was abandoned).
   *
   * @param message the event
   */
  public void post(Object message) {
    if (!abandoned) {
      event = message;
      unpark(parkedCaller);
    }
  }

  /**
   * Helper side: waits for the caller's next command. Not interruptible: an interrupt that arrives
   * while the helper is suspended stays set for the code that runs after it resumes.
   *
   * @return the command
   */
  public Object awaitCommand() {
    Object c = spin(this::command);
    if (c == null) {
      Thread me = Thread.currentThread();
      boolean interrupted = false;
      parkedHelper = me;
      while ((c = command()) == null) {
        if (Thread.interrupted()) {
          interrupted = true; // park would return at once: keep it aside and set it again
        } else {
          LockSupport.park(this);
        }
      }
      parkedHelper = null;
      if (interrupted) {
        me.interrupt();
      }
    }
    command = null;
    return c;
  }

  /**
   * Sends {@code message} to a suspended helper without waiting for an answer; later events are
   * dropped. Used by a {@link java.lang.ref.Cleaner} when the manager became unreachable.
   *
   * @param message the last command
   */
  public void abandon(Object message) {
    abandoned = true;
    command = message;
    unpark(parkedHelper);
  }

  /**
   * Helper side, first of all: records the helper thread, so that interrupts can be passed on to
   * it, and passes on one that arrived before.
   */
  public void attachHelper() {
    Thread me = Thread.currentThread();
    helper =
        me; // written before the flag is read: the caller's passInterrupt sees one or the other
    if (interruptPending.getAndSet(false)) {
      me.interrupt();
    }
  }

  private static void unpark(@Nullable Thread thread) {
    if (thread != null) {
      LockSupport.unpark(thread);
    }
  }
}
