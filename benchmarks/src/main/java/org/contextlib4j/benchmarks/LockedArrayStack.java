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
import java.util.concurrent.locks.ReentrantLock;

/**
 * The floor of a locked stack: {@link ArrayStack} with a {@link ReentrantLock} taken around each
 * registration and around the close, and a closed flag checked under it (a registration after the
 * close is refused). Nothing else: what a thread-safe stack that locks once per registration cannot
 * go below.
 */
@SuppressWarnings("try") // close() may throw what the resources throw, as AutoCloseable.close
final class LockedArrayStack implements AutoCloseable {
  private static final AutoCloseable[] EMPTY = {};

  private final ReentrantLock lock = new ReentrantLock();
  private AutoCloseable[] items = EMPTY;
  private int size;
  private boolean closed;

  void register(AutoCloseable resource) {
    lock.lock();
    try {
      if (closed) {
        throw new IllegalStateException("closed");
      }
      int index = size;
      if (index == items.length) {
        items = Arrays.copyOf(items, Math.max(4, index << 1));
      }
      items[index] = resource;
      size = index + 1;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() throws Exception {
    AutoCloseable[] taken;
    int count;
    lock.lock();
    try {
      closed = true;
      taken = items;
      count = size;
      items = EMPTY;
      size = 0;
    } finally {
      lock.unlock();
    }
    Throwable primary = null;
    while (count > 0) {
      try {
        taken[--count].close();
      } catch (Throwable t) {
        primary = AsyncVariants.fold(primary, t);
      }
    }
    ArrayStack.rethrow(primary);
  }
}
