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

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A point in {@link System#nanoTime()} by which an unwinding's waits must end: that of {@code
 * closeAsync(Duration)}, or of a nested stack registered with a timeout.
 *
 * @param at when it passes, in {@link System#nanoTime()}
 * @param timeout the duration it was made from, for messages
 * @param ofClose true for {@code closeAsync(Duration)}'s, false for a nested stack's timeout
 */
public record Deadline(long at, Duration timeout, boolean ofClose) {

  /**
   * {@return the deadline {@code timeout} from now}
   *
   * @param timeout the duration; negative means now
   * @param ofClose whether it is {@code closeAsync(Duration)}'s
   */
  public static Deadline after(Duration timeout, boolean ofClose) {
    // nanoTime values are compared by difference, so the sum may wrap: remaining() is still the
    // nanoseconds minus the time elapsed.
    return new Deadline(System.nanoTime() + nanos(timeout), timeout, ofClose);
  }

  /** {@return the earlier of two deadlines, either of which may be absent} */
  static @Nullable Deadline earliest(@Nullable Deadline a, Deadline b) {
    return a == null || b.at - a.at < 0 ? b : a;
  }

  /** {@return the nanoseconds left, negative once passed} */
  public long remaining() {
    return at - System.nanoTime();
  }

  /** {@return how the deadline is named in a {@code TimeoutException}'s message} */
  String describe() {
    return ofClose
        ? "the deadline of closeAsync(" + timeout + ")"
        : "the timeout of " + timeout + " of the nested stack it belongs to";
  }

  /**
   * {@return {@code timeout} in nanoseconds, saturated; at least 0 (a past deadline: do not wait)}
   *
   * @param timeout the duration
   */
  public static long nanos(Duration timeout) {
    Throwables.checkNotNull(timeout, "timeout");
    if (timeout.isNegative()) {
      return 0;
    }
    try {
      return timeout.toNanos();
    } catch (ArithmeticException tooLong) {
      return Long.MAX_VALUE;
    }
  }
}
