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

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.jspecify.annotations.Nullable;

/**
 * The floor of a lock-free stack: a Treiber stack, one node and one compare-and-set per
 * registration, closed by swapping the head for a closed sentinel (a registration after the close
 * is refused) and closing the chain newest first. Nothing else: what a thread-safe stack that
 * registers without a lock cannot go below.
 */
@SuppressWarnings("try") // close() may throw what the resources throw, as AutoCloseable.close
final class CasStack implements AutoCloseable {
  private static final class Node {
    final AutoCloseable resource;
    final @Nullable Node next;

    Node(AutoCloseable resource, @Nullable Node next) {
      this.resource = resource;
      this.next = next;
    }
  }

  private static final Node CLOSED = new Node(() -> {}, null);
  private static final VarHandle HEAD;

  static {
    try {
      HEAD = MethodHandles.lookup().findVarHandle(CasStack.class, "head", Node.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private volatile @Nullable Node head;

  void register(AutoCloseable resource) {
    Node h = head;
    while (true) {
      if (h == CLOSED) {
        throw new IllegalStateException("closed");
      }
      Node witness = (Node) HEAD.compareAndExchange(this, h, new Node(resource, h));
      if (witness == h) {
        return;
      }
      h = witness;
    }
  }

  @Override
  public void close() throws Exception {
    Node n = (Node) HEAD.getAndSet(this, CLOSED);
    if (n == CLOSED) {
      return;
    }
    Throwable primary = null;
    for (; n != null; n = n.next) {
      try {
        n.resource.close();
      } catch (Throwable t) {
        primary = AsyncVariants.fold(primary, t);
      }
    }
    ArrayStack.rethrow(primary);
  }
}
