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

import static java.lang.invoke.MethodHandles.filterReturnValue;
import static java.lang.invoke.MethodHandles.publicLookup;
import static java.lang.invoke.MethodType.methodType;

import java.lang.invoke.MethodHandle;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * Where the bodies of generator-style managers run in split mode when they are not continuations: a
 * pool of helper threads, virtual threads when the JVM has them (JDK 21+, found at run time, since
 * the library is compiled for 17), else daemon platform threads. A helper that finished a body
 * waits for the next one, spinning briefly and then parked, and ends after {@link #IDLE_NANOS}
 * idle; so a loop of enter and exit reuses one helper and creates no thread per enter.
 *
 * <p>A reused helper starts each body with its interrupt status cleared. Thread-locals a body
 * leaves set on its helper stay there for the next body that runs on it.
 */
public final class HelperThreads {
  private HelperThreads() {}

  private static final @Nullable ThreadFactory VIRTUAL = virtualThreadFactory();

  /** How long an idle helper waits for another body before it ends: 5 seconds. */
  static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(5);

  /** Marks a worker that ended: no task can be given to it any more. */
  private static final Runnable RETIRED = new Retired();

  private static final class Retired implements Runnable {
    @Override
    public void run() {
      throw new AssertionError("a retired helper runs nothing");
    }
  }

  /** Idle helpers, the most recently idle first (it is the likeliest to be still spinning). */
  private static final ConcurrentLinkedDeque<Worker> IDLE = new ConcurrentLinkedDeque<>();

  private static final AtomicInteger COUNT = new AtomicInteger();

  /** {@return whether helper threads are virtual threads} */
  public static boolean virtual() {
    return VIRTUAL != null;
  }

  /**
   * Runs {@code task} on a helper thread: an idle one if there is one, else a new one.
   *
   * @param task what to run; it must not throw
   */
  public static void start(Runnable task) {
    for (Worker idle; (idle = IDLE.pollFirst()) != null; ) {
      if (idle.offer(task)) {
        return;
      }
    }
    Worker worker = new Worker(task);
    ThreadFactory factory = VIRTUAL;
    Thread thread;
    if (factory == null) {
      thread = new Thread(worker, "contextlib4j-generator-" + COUNT.incrementAndGet());
      thread.setDaemon(true); // a new thread inherits its creator's status
    } else {
      thread = factory.newThread(worker);
    }
    thread.start();
  }

  /** {@return whether {@code thread} is a helper waiting for a body} For tests. */
  static boolean idle(Thread thread) {
    for (Worker worker : IDLE) {
      if (worker.thread == thread && worker.next.get() == null) {
        return true;
      }
    }
    return false;
  }

  /** One helper thread's loop: run a task, then wait for the next one or end. */
  private static final class Worker implements Runnable {
    /** The next task; null while waiting for one; {@link #RETIRED} once the worker ended. */
    private final AtomicReference<@Nullable Runnable> next;

    private volatile @Nullable Thread thread;

    Worker(Runnable first) {
      next = new AtomicReference<>(first);
    }

    boolean offer(Runnable task) {
      if (next.compareAndSet(null, task)) {
        Thread t = thread;
        if (t != null) {
          LockSupport.unpark(t);
        }
        return true;
      }
      return false;
    }

    @Override
    public void run() {
      thread = Thread.currentThread();
      for (Runnable task = next.get(); task != null; task = awaitNext()) {
        task.run();
        Thread.interrupted(); // a body's interrupt must not reach the next body
      }
    }

    private @Nullable Runnable awaitNext() {
      next.set(null);
      IDLE.offerFirst(this);
      Runnable task = Handoff.spin(next::get);
      long deadline = System.nanoTime() + IDLE_NANOS;
      while (task == null) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          if (next.compareAndSet(null, RETIRED)) {
            IDLE.remove(this);
            return null;
          }
        } else {
          LockSupport.parkNanos(this, left);
          Thread.interrupted(); // nobody interrupts an idle helper on purpose; park must block
        }
        task = next.get();
      }
      return task;
    }
  }

  private static @Nullable ThreadFactory virtualThreadFactory() {
    try {
      Class<?> builder = Class.forName("java.lang.Thread$Builder");
      Class<?> ofVirtual = Class.forName("java.lang.Thread$Builder$OfVirtual");
      MethodHandle of = publicLookup().findStatic(Thread.class, "ofVirtual", methodType(ofVirtual));
      MethodHandle factory =
          publicLookup().findVirtual(builder, "factory", methodType(ThreadFactory.class));
      MethodHandle make =
          filterReturnValue(of, factory.asType(methodType(ThreadFactory.class, ofVirtual)));
      return (ThreadFactory) make.invoke();
    } catch (Throwable unavailable) {
      // JDK 17-18: no virtual threads; JDK 19-20 without --enable-preview: a preview API.
      return null;
    }
  }
}
