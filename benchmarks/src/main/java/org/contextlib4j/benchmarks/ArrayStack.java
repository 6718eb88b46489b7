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

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The floor of any stack object: the least a stack of cleanups that lives in an object can do. A
 * growable array of resources with its count in a field (as Guava's {@code Closer}, Scala's {@code
 * Using.Manager} and {@code ExitStack} each have in some form), one call per registration, closed
 * newest first with try-with-resources' failure handling. Nothing else: no kinds of entry, no
 * nested stacks, no exception-aware exits, no re-entrant close, no leak detection.
 *
 * <p>Not a library: a baseline. What it costs over a flat {@code try}/{@code finally} is the cost
 * of keeping the count and the array in an object that every registration and every close updates
 * through memory (the flat loop keeps its count in a register); what {@code ExitStack} costs over
 * it is the cost of its features.
 */
@SuppressWarnings("try") // close() may throw what the resources throw, as AutoCloseable.close
final class ArrayStack implements AutoCloseable {
  private static final AutoCloseable[] EMPTY = {};

  private AutoCloseable[] items = EMPTY;
  private int size;

  /**
   * Registers {@code resource}, growing the array as {@code ExitStack}'s does (4, then doubling).
   */
  void register(AutoCloseable resource) {
    int index = size;
    if (index == items.length) {
      items = Arrays.copyOf(items, Math.max(4, index << 1));
    }
    items[index] = resource;
    size = index + 1;
  }

  /**
   * Closes every resource, newest first; the first failure propagates with the later ones attached
   * as suppressed.
   */
  @Override
  public void close() throws Exception {
    Throwable primary = null;
    while (size > 0) {
      AutoCloseable resource = items[--size];
      try {
        resource.close();
      } catch (Throwable t) {
        primary = AsyncVariants.fold(primary, t);
      }
    }
    items = EMPTY;
    ArrayStack.rethrow(primary);
  }

  /** Throws {@code primary}, the failure a close folded, if any, as it is. */
  static void rethrow(@Nullable Throwable primary) throws Exception {
    if (primary instanceof Exception e) {
      throw e;
    }
    if (primary != null) {
      throw (Error) primary;
    }
  }
}
