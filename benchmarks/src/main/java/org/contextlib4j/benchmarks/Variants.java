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

import com.google.common.io.Closer;
import java.io.Closeable;
import java.io.IOException;
import org.contextlib4j.ConcurrentExitStack;
import org.contextlib4j.ContextManager;
import org.contextlib4j.Contexts;
import org.contextlib4j.ExitStack;
import org.jspecify.annotations.Nullable;
import scala.runtime.BoxedUnit;
import scala.util.Using;

/**
 * The variants being compared. Each one "opens" the first {@code n} of {@code resources} (reads
 * them from the array; the resources already exist) and closes them in reverse order, each exactly
 * once, also when some close throws; failures are kept as in try-with-resources (the first one
 * propagates, later ones are attached to it as suppressed). The unit tests check that every variant
 * does exactly that.
 *
 * <p>They are static and generic (erased to the interface type) so that the benchmark and the tests
 * run the same code; in the benchmark JVM every call site sees only {@link Res}.
 */
final class Variants {
  private Variants() {}

  /**
   * The failure a benchmark's block throws on the failure path, created once per trial: without a
   * stack trace, so that throwing it costs the same in every variant. Nothing is attached to it,
   * since the benchmark's closes never fail.
   */
  static final class BlockFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BlockFailed() {
      super("the block failed", null, true, false);
    }
  }

  /**
   * The block of every variant, after the resources are open: throws {@code failure} unless it is
   * null.
   */
  static void block(@Nullable RuntimeException failure) {
    if (failure != null) {
      throw failure;
    }
  }

  /** The library: {@code register} N times, then close (via try-with-resources). */
  static <R extends AutoCloseable> void exitStack(
      R[] resources, int n, @Nullable RuntimeException failure) {
    try (ExitStack stack = new ExitStack()) {
      for (int i = 0; i < n; i++) {
        stack.register(resources[i]);
      }
      block(failure);
    }
  }

  /** The library: {@code callback(r::close)} N times, then close (via try-with-resources). */
  static <R extends AutoCloseable> void exitStackCallback(
      R[] resources, int n, @Nullable RuntimeException failure) {
    try (ExitStack stack = new ExitStack()) {
      for (int i = 0; i < n; i++) {
        stack.callback(resources[i]::close);
      }
      block(failure);
    }
  }

  /**
   * The library: {@code enterContext} N managers, then close (via try-with-resources). The managers
   * are {@code Contexts.closing(resource)}, made once per trial (see {@link #managers}), so their
   * exits follow try-with-resources like the other variants.
   */
  static void exitStackEnterContext(
      ContextManager<?>[] managers, int n, @Nullable RuntimeException failure) {
    try (ExitStack stack = new ExitStack()) {
      for (int i = 0; i < n; i++) {
        stack.enterContext(managers[i]);
      }
      block(failure);
    }
  }

  /** {@code run(new ExitStack(), stack -> ...)}, registering N resources: exits see the failure. */
  static <R extends AutoCloseable> void runRegister(
      R[] resources, int n, @Nullable RuntimeException failure) {
    Contexts.run(
        new ExitStack(),
        stack -> {
          for (int i = 0; i < n; i++) {
            stack.register(resources[i]);
          }
          block(failure);
        });
  }

  /** {@code run(new ExitStack(), stack -> ...)} with N {@code callback(r::close)}. */
  static <R extends AutoCloseable> void runCallback(
      R[] resources, int n, @Nullable RuntimeException failure) {
    Contexts.run(
        new ExitStack(),
        stack -> {
          for (int i = 0; i < n; i++) {
            stack.callback(resources[i]::close);
          }
          block(failure);
        });
  }

  /** {@code run(new ExitStack(), stack -> ...)} entering N managers (see {@link #managers}). */
  static void runEnterContext(
      ContextManager<?>[] managers, int n, @Nullable RuntimeException failure) {
    Contexts.run(
        new ExitStack(),
        stack -> {
          for (int i = 0; i < n; i++) {
            stack.enterContext(managers[i]);
          }
          block(failure);
        });
  }

  /** The thread-safe stack: {@code register} N times, then close (via try-with-resources). */
  static <R extends AutoCloseable> void concurrentExitStack(
      R[] resources, int n, @Nullable RuntimeException failure) {
    try (ConcurrentExitStack stack = new ConcurrentExitStack()) {
      for (int i = 0; i < n; i++) {
        stack.register(resources[i]);
      }
      block(failure);
    }
  }

  /**
   * Where {@link #concurrentExitStackShared} publishes its stack, as a stack shared with other
   * threads is published somewhere they read it.
   */
  static @Nullable ConcurrentExitStack published;

  /**
   * {@link #concurrentExitStack} with the stack published first, as a stack that other threads use
   * is: C2 can then neither remove the stack nor its lock, which it does for a stack that never
   * leaves the method when it inlines the whole close (docs/benchmarks.md, concurrency).
   */
  static <R extends AutoCloseable> void concurrentExitStackShared(
      R[] resources, int n, @Nullable RuntimeException failure) {
    try (ConcurrentExitStack stack = new ConcurrentExitStack()) {
      published = stack;
      for (int i = 0; i < n; i++) {
        stack.register(resources[i]);
      }
      block(failure);
    }
  }

  /**
   * {@code Contexts.closing(resource)} for each resource: the managers of the enterContext forms.
   */
  static ContextManager<?>[] managers(AutoCloseable[] resources) {
    ContextManager<?>[] managers = new ContextManager<?>[resources.length];
    for (int i = 0; i < resources.length; i++) {
      managers[i] = Contexts.closing(resources[i]);
    }
    return managers;
  }

  /**
   * {@code n} nested stacks: stack i registers resource i, then enters stack i + 1 with {@code
   * enterContext}. Closing the outermost unwinds every stack in place (no recursion), so resource
   * {@code n - 1} closes first and resource 0 last.
   */
  static <R extends AutoCloseable> void nestedStacks(
      R[] resources, int n, @Nullable RuntimeException failure) {
    try (ExitStack outer = new ExitStack()) {
      ExitStack stack = outer;
      for (int i = 0; i < n; i++) {
        stack.register(resources[i]);
        if (i + 1 < n) {
          stack = stack.enterContext(new ExitStack());
        }
      }
      block(failure);
    }
  }

  /**
   * The floor of any stack object ({@link ArrayStack}): register N times, then close (via
   * try-with-resources).
   */
  @SuppressWarnings("try") // its close() throws what a resource's close() may throw
  static <R extends AutoCloseable> void arrayStack(
      R[] resources, int n, @Nullable RuntimeException failure) throws Exception {
    try (ArrayStack stack = new ArrayStack()) {
      for (int i = 0; i < n; i++) {
        stack.register(resources[i]);
      }
      block(failure);
    }
  }

  /** The floor of a locked stack: {@link LockedArrayStack}. */
  @SuppressWarnings("try") // its close() throws what a resource's close() may throw
  static <R extends AutoCloseable> void lockedArrayStack(
      R[] resources, int n, @Nullable RuntimeException failure) throws Exception {
    try (LockedArrayStack stack = new LockedArrayStack()) {
      for (int i = 0; i < n; i++) {
        stack.register(resources[i]);
      }
      block(failure);
    }
  }

  /** The floor of a lock-free stack: {@link CasStack}. */
  @SuppressWarnings("try") // its close() throws what a resource's close() may throw
  static <R extends AutoCloseable> void casStack(
      R[] resources, int n, @Nullable RuntimeException failure) throws Exception {
    try (CasStack stack = new CasStack()) {
      for (int i = 0; i < n; i++) {
        stack.register(resources[i]);
      }
      block(failure);
    }
  }

  /**
   * The baseline: what a careful programmer writes by hand without a library. The opened resources
   * go into an array sized for {@code n}; the {@code finally} block closes them in reverse order,
   * each close in its own {@code try}/{@code catch}, attaching later failures to the first one (or
   * to the body's exception) with {@code addSuppressed}.
   */
  static <R extends AutoCloseable> void flat(
      R[] resources, int n, @Nullable RuntimeException failure) throws Exception {
    AutoCloseable[] opened = new AutoCloseable[n];
    int count = 0;
    Throwable primary = null;
    try {
      for (int i = 0; i < n; i++) {
        opened[count++] = resources[i];
      }
      block(failure);
    } catch (Throwable t) {
      primary = t;
      throw t;
    } finally {
      for (int i = count - 1; i >= 0; i--) {
        try {
          opened[i].close();
        } catch (Throwable t) {
          if (primary == null) {
            primary = t;
          } else if (primary != t) {
            primary.addSuppressed(t);
          }
        }
      }
    }
    if (primary instanceof Exception e) {
      throw e;
    }
    if (primary != null) {
      throw (Error) primary;
    }
  }

  /**
   * Nested try-with-resources. For n = 1, 4 and 16 the nesting is written out (one {@code try}
   * statement with n resources, which javac compiles to n nested blocks); any other n uses {@link
   * #nestedRecursive}.
   */
  static <R extends AutoCloseable> void nested(R[] r, int n, @Nullable RuntimeException failure)
      throws Exception {
    switch (n) {
      case 1 -> nested1(r, failure);
      case 4 -> nested4(r, failure);
      case 16 -> nested16(r, failure);
      default -> nestedRecursive(r, 0, n, failure);
    }
  }

  /** Nested try-with-resources by recursion: one level per resource, for any n. */
  @SuppressWarnings("try") // the resource is only there to be closed
  static <R extends AutoCloseable> void nestedRecursive(
      R[] resources, int i, int n, @Nullable RuntimeException failure) throws Exception {
    if (i < n) {
      try (R r = resources[i]) {
        nestedRecursive(resources, i + 1, n, failure);
      }
    } else {
      block(failure);
    }
  }

  @SuppressWarnings("try")
  private static <R extends AutoCloseable> void nested1(R[] r, @Nullable RuntimeException failure)
      throws Exception {
    try (R r0 = r[0]) {
      block(failure);
    }
  }

  @SuppressWarnings("try")
  private static <R extends AutoCloseable> void nested4(R[] r, @Nullable RuntimeException failure)
      throws Exception {
    try (R r0 = r[0];
        R r1 = r[1];
        R r2 = r[2];
        R r3 = r[3]) {
      block(failure);
    }
  }

  @SuppressWarnings("try")
  private static <R extends AutoCloseable> void nested16(R[] r, @Nullable RuntimeException failure)
      throws Exception {
    try (R r0 = r[0];
        R r1 = r[1];
        R r2 = r[2];
        R r3 = r[3];
        R r4 = r[4];
        R r5 = r[5];
        R r6 = r[6];
        R r7 = r[7];
        R r8 = r[8];
        R r9 = r[9];
        R r10 = r[10];
        R r11 = r[11];
        R r12 = r[12];
        R r13 = r[13];
        R r14 = r[14];
        R r15 = r[15]) {
      block(failure);
    }
  }

  /** Guava's {@code Closer}, in the idiom its Javadoc prescribes. */
  static <R extends Closeable> void guavaCloser(
      R[] resources, int n, @Nullable RuntimeException failure) throws IOException {
    Closer closer = Closer.create();
    try {
      for (int i = 0; i < n; i++) {
        closer.register(resources[i]);
      }
      block(failure);
    } catch (Throwable t) {
      throw closer.rethrow(t);
    } finally {
      closer.close();
    }
  }

  /**
   * Scala's {@code Using.Manager}: {@code Using.Manager { use => resources.foreach(use.acquire) }
   * .get}, written in Java. {@code get} rethrows a failure as the Scala code would.
   */
  static <R> void scalaUsing(
      R[] resources, int n, @Nullable RuntimeException failure, Using.Releasable<R> releasable) {
    Using.Manager$.MODULE$
        .apply(
            manager -> {
              for (int i = 0; i < n; i++) {
                manager.acquire(resources[i], releasable);
              }
              block(failure);
              return BoxedUnit.UNIT;
            })
        .get();
  }
}
