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

import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Exceptions whose overridable methods misbehave (issue 11, item 3): the rule must neither fail nor
 * loop on them. Each counts the calls of its broken methods, so that a test can tell a walk ended
 * after a bounded number of steps without measuring time.
 */
public final class Hostile {
  private Hostile() {}

  /** An exception with a broken method, and how many times that method was called. */
  public abstract static class Broken extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient AtomicInteger calls;

    Broken(String message, AtomicInteger calls) {
      super(message);
      this.calls = calls;
    }

    /** {@return how many times the broken methods of this exception (and its kin) ran} */
    public int calls() {
      return calls.get();
    }

    final int call() {
      return calls.incrementAndGet();
    }
  }

  /** {@code getCause()} throws. */
  public static Broken throwingCause(String message) {
    return new Broken(message, new AtomicInteger()) {
      private static final long serialVersionUID = 1L;

      @Override
      public synchronized Throwable getCause() {
        call();
        throw new IllegalStateException("getCause is broken");
      }
    };
  }

  /** {@code getCause()} throws an error (it overflows the stack itself). */
  public static Broken causeThatOverflows(String message) {
    return new Broken(message, new AtomicInteger()) {
      private static final long serialVersionUID = 1L;

      @Override
      public synchronized Throwable getCause() {
        call();
        return overflow(0);
      }
    };
  }

  private static Throwable overflow(long n) {
    return n == Long.MAX_VALUE ? new IllegalStateException() : overflow(n + 1);
  }

  /** {@code getCause()} returns the exception itself. */
  public static Broken selfCause(String message) {
    return new Broken(message, new AtomicInteger()) {
      private static final long serialVersionUID = 1L;

      @Override
      public synchronized Throwable getCause() {
        call();
        return this;
      }
    };
  }

  /**
   * {@code getCause()} returns a fresh exception of the same kind on every call: an endless chain.
   * It ends (returns null) after {@code safetyLimit} calls in all, so that a walk that does not
   * bound itself still ends, and the test can see how far it went.
   */
  public static Broken freshCause(String message, int safetyLimit) {
    return new FreshCause(message, new AtomicInteger(), safetyLimit);
  }

  private static final class FreshCause extends Broken {
    private static final long serialVersionUID = 1L;
    private final int safetyLimit;

    FreshCause(String message, AtomicInteger calls, int safetyLimit) {
      super(message, calls);
      this.safetyLimit = safetyLimit;
    }

    @Override
    public synchronized @Nullable Throwable getCause() {
      int n = call();
      return n > safetyLimit ? null : new FreshCause("fresh " + n, calls, safetyLimit);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this; // cheap: a walk that does not bound itself makes a million of them
    }
  }

  /** {@code toString()}, {@code getMessage()} and {@code getLocalizedMessage()} throw. */
  public static Broken throwingText(String message) {
    return new Broken(message, new AtomicInteger()) {
      private static final long serialVersionUID = 1L;

      @Override
      public String getMessage() {
        call();
        throw new IllegalStateException("getMessage is broken");
      }

      @Override
      public String getLocalizedMessage() {
        call();
        throw new IllegalStateException("getLocalizedMessage is broken");
      }

      @Override
      public String toString() {
        call();
        throw new IllegalStateException("toString is broken");
      }
    };
  }

  /** {@code getStackTrace()} throws. */
  public static Broken throwingStackTrace(String message) {
    return new Broken(message, new AtomicInteger()) {
      private static final long serialVersionUID = 1L;

      @Override
      public StackTraceElement[] getStackTrace() {
        call();
        throw new IllegalStateException("getStackTrace is broken");
      }
    };
  }
}
