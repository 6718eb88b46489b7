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
package org.contextlib4j.benchmarks;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.jspecify.annotations.Nullable;

/**
 * Starts a virtual thread from code compiled with {@code --release 17}, through reflection on the
 * public {@code Thread.Builder} interfaces; on a JDK without virtual threads, a platform thread.
 */
final class VirtualThreads {
  private static final @Nullable Object BUILDER;
  private static final @Nullable Method START;

  static {
    Object builder = null;
    Method start = null;
    try {
      builder = Thread.class.getMethod("ofVirtual").invoke(null);
      start = Class.forName("java.lang.Thread$Builder").getMethod("start", Runnable.class);
    } catch (ReflectiveOperationException e) {
      // JDK 17: no virtual threads
    }
    BUILDER = builder;
    START = start;
  }

  private VirtualThreads() {}

  /** Starts {@code task} on a new virtual thread, or a platform thread if there are none. */
  static Thread start(Runnable task) {
    Method start = START;
    if (start == null) {
      Thread thread = new Thread(task);
      thread.start();
      return thread;
    }
    try {
      return (Thread) start.invoke(BUILDER, task);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException(e.getCause());
    }
  }
}
