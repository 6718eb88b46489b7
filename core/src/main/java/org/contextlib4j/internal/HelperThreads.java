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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Where the bodies of generator-style managers run in split mode: a new virtual thread when the JVM
 * has them (JDK 21+, found at run time, since the library is compiled for 17), otherwise a cached
 * pool of daemon platform threads whose idle threads end after a few seconds.
 */
public final class HelperThreads {
  private HelperThreads() {}

  private static final @Nullable ThreadFactory VIRTUAL = virtualThreadFactory();

  private static final ExecutorService PLATFORM =
      new ThreadPoolExecutor(
          0,
          Integer.MAX_VALUE,
          5,
          TimeUnit.SECONDS,
          new SynchronousQueue<>(),
          new ThreadFactory() {
            private final AtomicInteger count = new AtomicInteger();

            @Override
            public Thread newThread(Runnable task) {
              Thread thread = new Thread(task, "contextlib4j-generator-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            }
          });

  /** {@return whether helper threads are virtual threads} */
  public static boolean virtual() {
    return VIRTUAL != null;
  }

  /**
   * Runs {@code task} on a helper thread.
   *
   * @param task what to run
   */
  public static void start(Runnable task) {
    ThreadFactory factory = VIRTUAL;
    if (factory == null) {
      PLATFORM.execute(task);
    } else {
      Thread thread = factory.newThread(task);
      thread.start();
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
