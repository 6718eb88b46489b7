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

import java.lang.ref.WeakReference;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Helpers for tests that wait for the garbage collector: they poll up to a generous deadline, so a
 * slow or busy machine makes them slower, never wrong.
 */
final class GcTesting {
  private GcTesting() {}

  /** Runs the garbage collector until {@code done}, for at most 20 seconds. */
  static void awaitGc(BooleanSupplier done) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!done.getAsBoolean()) {
      assertThat(System.nanoTime()).as("garbage collected within 20 s").isLessThan(deadline);
      System.gc();
      pause(20);
    }
  }

  /** Runs the garbage collector until {@code ref} is cleared, for at most 20 seconds. */
  static void awaitCollected(WeakReference<?> ref) {
    awaitGc(() -> ref.get() == null);
  }

  /** Gives the cleaner thread time to run the actions of objects already collected. */
  static void settle() {
    for (int i = 0; i < 5; i++) {
      System.gc();
      pause(50);
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
