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

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Managers for the tests of one split-mode path whatever path the JVM selected: the helper-thread
 * path is also tested on a JDK where continuations are active.
 */
final class SplitModes {
  private SplitModes() {}

  /** A body that yields {@code "v"} and adds the thread it runs on to {@code threads}, twice. */
  static GeneratorBody<String> recordingThreads(List<Thread> threads) {
    return y -> {
      threads.add(Thread.currentThread());
      y.yield("v");
      threads.add(Thread.currentThread());
    };
  }

  /** {@link Contexts#contextManager} whose split mode runs the body on a helper thread. */
  static <T extends @Nullable Object> ContextManager<T> onThreads(GeneratorBody<T> body) {
    return new GeneratorContextManager<>(body, true);
  }
}
