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

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * A strict hand-off between a caller thread and a helper thread: exactly one of them runs at any
 * time. Each message is passed under one lock, so every write made before a hand-off happens-before
 * every read after it.
 *
 * <p>The caller sends a command and waits for the helper's next event; the helper waits for
 * commands. If the waiting caller is interrupted, the interrupt is passed on to the helper, the
 * caller keeps waiting for the event (the helper must not run alone), and the caller's interrupt
 * status is set again before it returns. {@link #abandon} sends a last command without anyone
 * waiting for the answer, for managers that are garbage collected while suspended.
 */
public final class Handoff {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private @Nullable Object command;
  private @Nullable Object event;
  private @Nullable Thread helper;

  /** The caller was interrupted before the helper thread was known: interrupt it when it is. */
  private boolean interruptPending;

  private boolean abandoned;

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
    lock.lock();
    try {
      command = message;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    return awaitEvent();
  }

  private Object awaitEvent() {
    boolean interrupted = false;
    lock.lock();
    try {
      while (event == null) {
        try {
          changed.await();
        } catch (InterruptedException e) {
          interrupted = true;
          Thread h = helper;
          if (h != null) {
            h.interrupt();
          } else {
            interruptPending = true; // the helper has not attached yet
          }
        }
      }
      Object e = event;
      event = null;
      return e;
    } finally {
      lock.unlock();
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Helper side: posts an event to the waiting caller (dropped if the manager was abandoned).
   *
   * @param message the event
   */
  public void post(Object message) {
    lock.lock();
    try {
      if (!abandoned) {
        event = message;
        changed.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Helper side: waits for the caller's next command. Not interruptible: an interrupt that arrives
   * while the helper is suspended stays set for the code that runs after it resumes.
   *
   * @return the command
   */
  public Object awaitCommand() {
    lock.lock();
    try {
      while (command == null) {
        changed.awaitUninterruptibly();
      }
      Object c = command;
      command = null;
      return c;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Sends {@code message} to a suspended helper without waiting for an answer; later events are
   * dropped. Used by a {@link java.lang.ref.Cleaner} when the manager became unreachable.
   *
   * @param message the last command
   */
  public void abandon(Object message) {
    lock.lock();
    try {
      abandoned = true;
      command = message;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Helper side, first of all: records the helper thread, so that interrupts can be passed on to
   * it, and passes on one that arrived before.
   */
  public void attachHelper() {
    lock.lock();
    try {
      Thread me = Thread.currentThread();
      helper = me;
      if (interruptPending) {
        interruptPending = false;
        me.interrupt();
      }
    } finally {
      lock.unlock();
    }
  }
}
