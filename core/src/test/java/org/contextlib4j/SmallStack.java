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

import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/** Runs a task on a thread with a 256 KiB stack, where any recursion per entry would overflow. */
final class SmallStack {
  private SmallStack() {}

  /** A task that may throw anything. */
  interface Task {
    void run() throws Exception;
  }

  /** Runs {@code task} on a new 256 KiB-stack thread, waits for it, and returns what it threw. */
  static @Nullable Throwable run(Task task) throws InterruptedException {
    AtomicReference<@Nullable Throwable> thrown = new AtomicReference<>();
    Thread thread =
        new Thread(
            null,
            () -> {
              try {
                task.run();
              } catch (Throwable t) {
                thrown.set(t);
              }
            },
            "small-stack",
            256 * 1024);
    thread.start();
    thread.join();
    return thrown.get();
  }
}
