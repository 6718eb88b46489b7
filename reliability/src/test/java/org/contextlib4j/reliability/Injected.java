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
package org.contextlib4j.reliability;

import java.io.IOException;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * The exceptions the fault injection throws: one type per kind, all marked {@link Injected} (but
 * the real stack overflow, which the JVM makes), none with a stack trace (10,000 runs throw tens of
 * thousands of them; the message names the run, the resource and the point instead).
 *
 * <p>Issue 11 added the hostile kinds: exceptions whose overridable methods misbehave, and
 * exceptions that can hold nothing (no suppressed exception, no cause), among them a real {@link
 * StackOverflowError} from recursion.
 */
interface Injected {

  /** What kind of exception to throw. */
  enum Kind {
    IO, // checked
    SQL, // checked
    RUNTIME,
    ERROR, // an Error that is not a VirtualMachineError
    INTERRUPTED, // checked; a handled one must set the interrupt status again
    VM_ERROR, // deliberately: never hidden under an ordinary exception by a plain cleanup
    THROWING_CAUSE, // getCause() throws
    FRESH_CAUSE, // getCause() returns a new exception on every call: an endless chain
    THROWING_TEXT, // toString(), getMessage() and getLocalizedMessage() throw
    SUPPRESSION_DISABLED, // enableSuppression = false (and the cause set): holds nothing
    JVM_STACK_OVERFLOW; // a real one, from recursion: holds nothing either (measured)

    Throwable create(String message) {
      return switch (this) {
        case IO -> new InjectedIoException(message);
        case SQL -> new InjectedSqlException(message);
        case RUNTIME -> new InjectedRuntimeException(message);
        case ERROR -> new InjectedError(message);
        case INTERRUPTED -> new InjectedInterruptedException(message);
        case VM_ERROR -> new InjectedVmError(message);
        case THROWING_CAUSE -> new InjectedThrowingCause(message);
        case FRESH_CAUSE -> new InjectedFreshCause(message);
        case THROWING_TEXT -> new InjectedThrowingText(message);
        case SUPPRESSION_DISABLED -> new InjectedSuppressionDisabled(message);
        case JVM_STACK_OVERFLOW -> realStackOverflow();
      };
    }

    /** Whether an exception of this kind can hold neither a suppressed exception nor a cause. */
    boolean holdsNothing() {
      return this == SUPPRESSION_DISABLED || this == JVM_STACK_OVERFLOW;
    }
  }

  /** A {@link StackOverflowError} raised by the JVM, from real recursion. */
  static StackOverflowError realStackOverflow() {
    try {
      recurse(0);
    } catch (StackOverflowError e) {
      return e;
    }
    throw new AssertionError("the stack did not overflow");
  }

  /** Recurses until the thread's stack overflows: the bound is never reached. */
  private static long recurse(long n) {
    return n == Long.MAX_VALUE ? n : 1 + recurse(n + 1);
  }

  /**
   * {@code t}'s text for a report, even if its {@code toString} throws (the kind {@link
   * Kind#THROWING_TEXT}).
   */
  static String describe(@Nullable Throwable t) {
    if (t == null) {
      return "nothing";
    }
    try {
      return t.toString();
    } catch (RuntimeException broken) {
      return t.getClass().getName() + "@" + Integer.toHexString(System.identityHashCode(t));
    }
  }

  final class InjectedIoException extends IOException implements Injected {
    private static final long serialVersionUID = 1L;

    InjectedIoException(String message) {
      super(message);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this;
    }
  }

  final class InjectedSqlException extends SQLException implements Injected {
    private static final long serialVersionUID = 1L;

    InjectedSqlException(String message) {
      super(message);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this;
    }
  }

  final class InjectedRuntimeException extends RuntimeException implements Injected {
    private static final long serialVersionUID = 1L;

    InjectedRuntimeException(String message) {
      super(message);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this;
    }
  }

  final class InjectedError extends Error implements Injected {
    private static final long serialVersionUID = 1L;

    InjectedError(String message) {
      super(message);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this;
    }
  }

  final class InjectedInterruptedException extends InterruptedException implements Injected {
    private static final long serialVersionUID = 1L;

    InjectedInterruptedException(String message) {
      super(message);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this;
    }
  }

  final class InjectedVmError extends VirtualMachineError implements Injected {
    private static final long serialVersionUID = 1L;

    InjectedVmError(String message) {
      super(message);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this;
    }
  }

  final class InjectedThrowingCause extends RuntimeException implements Injected {
    private static final long serialVersionUID = 1L;

    InjectedThrowingCause(String message) {
      super(message, null, true, false); // no stack trace
    }

    @Override
    public synchronized Throwable getCause() {
      throw new IllegalStateException("getCause is broken");
    }
  }

  /** Its causes are made up on every call, and are not exceptions of the run. */
  final class InjectedFreshCause extends FreshLink implements Injected {
    private static final long serialVersionUID = 1L;

    InjectedFreshCause(String message) {
      super(message);
    }
  }

  /** A link of an endless chain: its cause is a new link on every call. */
  class FreshLink extends RuntimeException {
    private static final long serialVersionUID = 1L;

    FreshLink(String message) {
      super(message, null, true, false); // no stack trace
    }

    @Override
    public synchronized Throwable getCause() {
      return new FreshLink("fresh");
    }
  }

  final class InjectedThrowingText extends RuntimeException implements Injected {
    private static final long serialVersionUID = 1L;

    InjectedThrowingText(String message) {
      super(message, null, true, false); // no stack trace
    }

    @Override
    public String getMessage() {
      throw new IllegalStateException("getMessage is broken");
    }

    @Override
    public String getLocalizedMessage() {
      throw new IllegalStateException("getLocalizedMessage is broken");
    }

    @Override
    public String toString() {
      throw new IllegalStateException("toString is broken");
    }
  }

  final class InjectedSuppressionDisabled extends RuntimeException implements Injected {
    private static final long serialVersionUID = 1L;

    InjectedSuppressionDisabled(String message) {
      super(message, null, false, false);
    }
  }
}
