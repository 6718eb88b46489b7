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

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/*
 * Overview: the exception rule, in one place.
 *
 * Every stack driver (the sync ExitStack loop, Contexts.with, and later the async driver) keeps a
 * single variable, the exception in flight (null when the block so far succeeded), and runs the
 * cleanups one at a time. After each cleanup it asks this class what is in flight now:
 *
 *   exception-aware exit returned false  -> unchanged
 *   exception-aware exit returned true   -> null (suppressed; CPython __exit__ returning true)
 *   exception-aware exit threw Y         -> Y (replacement; CPython raising inside __exit__). The old
 *                                           exception X is attached to Y with addSuppressed, the way
 *                                           Python chains X as Y.__context__, unless Y is X, X is
 *                                           already reachable from Y (raise Y from X), or attaching
 *                                           would make a cycle.
 *   plain cleanup threw E                -> X stays in flight and E is attached to it (Java's
 *                                           try-with-resources rule), or E if nothing was in flight;
 *                                           but a VirtualMachineError E is never hidden under an
 *                                           ordinary X: E is in flight, X attached (Scala's ranking).
 *
 * An InterruptedException that stops propagating by itself (attached to another exception, or
 * suppressed by an exit) sets the thread's interrupt status again, so the interrupt is not lost.
 *
 * The functions are pure apart from addSuppressed, never create an exception, and never lose one.
 */

/**
 * The exception rule shared by every stack: how the result of one cleanup changes the exception in
 * flight. See the overview comment in the source for the table.
 */
public final class ExceptionRule {
  private ExceptionRule() {}

  /**
   * An exception-aware exit returned normally.
   *
   * @param inFlight the exception in flight before the exit ran, or null
   * @param suppress what the exit returned
   * @return the exception in flight after the exit
   */
  public static @Nullable Throwable exitReturned(@Nullable Throwable inFlight, boolean suppress) {
    return exitReturned(inFlight, suppress, true);
  }

  /**
   * {@link #exitReturned(Throwable, boolean)}, re-setting the interrupt status only if {@code
   * resetInterrupt}: an async driver running on a thread that merely completed a stage must not.
   *
   * @param inFlight the exception in flight before the exit ran, or null
   * @param suppress what the exit returned
   * @param resetInterrupt whether a suppressed {@link InterruptedException} re-sets the status
   * @return the exception in flight after the exit
   */
  public static @Nullable Throwable exitReturned(
      @Nullable Throwable inFlight, boolean suppress, boolean resetInterrupt) {
    if (suppress && inFlight != null) {
      keepInterrupt(inFlight, resetInterrupt);
      return null;
    }
    return suppress ? null : inFlight;
  }

  /**
   * What a whole exit (a stack's, a generator-style manager's) reports to its caller, given the
   * exception it received and the one in flight after it, as {@code ContextManager.exit} must:
   * {@code TRUE} if the received exception ended suppressed, {@code FALSE} if nothing was received
   * or the received one continues, {@code null} if another exception ({@code out}) is in flight and
   * must be thrown (or the stage failed with it).
   *
   * @param failure the exception the exit received, or null
   * @param out the exception in flight after it, or null
   * @return the answer, or null for "throw {@code out}"
   */
  public static @Nullable Boolean exitReport(@Nullable Throwable failure, @Nullable Throwable out) {
    if (out == null) {
      return failure != null;
    }
    return out == failure ? Boolean.FALSE : null;
  }

  /**
   * An exception-aware exit threw {@code thrown}: it replaces what was in flight, which is attached
   * to it unless it is the same exception, is already reachable from it, or would make a cycle.
   *
   * @param inFlight the exception in flight before the exit ran, or null
   * @param thrown what the exit threw
   * @return the exception in flight after the exit: always {@code thrown}
   */
  public static Throwable exitThrew(@Nullable Throwable inFlight, Throwable thrown) {
    return exitThrew(inFlight, thrown, true);
  }

  /**
   * {@link #exitThrew(Throwable, Throwable)}, re-setting the interrupt status only if {@code
   * resetInterrupt}.
   *
   * @param inFlight the exception in flight before the exit ran, or null
   * @param thrown what the exit threw
   * @param resetInterrupt whether an attached {@link InterruptedException} re-sets the status
   * @return the exception in flight after the exit
   */
  public static Throwable exitThrew(
      @Nullable Throwable inFlight, Throwable thrown, boolean resetInterrupt) {
    if (inFlight != null && thrown != inFlight) {
      attach(thrown, inFlight, true, resetInterrupt);
    }
    return thrown;
  }

  /**
   * A plain cleanup (a close or a callback) threw {@code thrown}: what was in flight stays, with
   * {@code thrown} attached; with nothing in flight, {@code thrown} is now in flight.
   *
   * <p>One exception to "what was in flight stays": a {@link VirtualMachineError} (out of memory,
   * stack overflow, an internal error) is never hidden under an ordinary exception. It becomes the
   * exception in flight, with the ordinary one attached to it (the ranking of Scala's {@code
   * Using}).
   *
   * @param inFlight the exception in flight before the cleanup ran, or null
   * @param thrown what the cleanup threw
   * @return the exception in flight after the cleanup
   */
  public static Throwable cleanupThrew(@Nullable Throwable inFlight, Throwable thrown) {
    return cleanupThrew(inFlight, thrown, true);
  }

  /**
   * {@link #cleanupThrew(Throwable, Throwable)}, re-setting the interrupt status only if {@code
   * resetInterrupt}.
   *
   * @param inFlight the exception in flight before the cleanup ran, or null
   * @param thrown what the cleanup threw
   * @param resetInterrupt whether an attached {@link InterruptedException} re-sets the status
   * @return the exception in flight after the cleanup
   */
  public static Throwable cleanupThrew(
      @Nullable Throwable inFlight, Throwable thrown, boolean resetInterrupt) {
    if (inFlight == null || thrown == inFlight) {
      // thrown == inFlight: a close that rethrows the failure it already reported; attaching it
      // to itself would throw IllegalArgumentException.
      return inFlight == null ? thrown : inFlight;
    }
    if (thrown instanceof VirtualMachineError && !(inFlight instanceof VirtualMachineError)) {
      attach(thrown, inFlight, true, resetInterrupt);
      return thrown;
    }
    // No duplicate check here: it would walk the in-flight exception's tree, which grows with each
    // failing cleanup (quadratic for a million of them); a cleanup's fresh failure is not in it.
    attach(inFlight, thrown, false, resetInterrupt);
    return inFlight;
  }

  /**
   * Attaches {@code late}, a failure that arrived after {@code timeout} had ended the wait for it,
   * to that {@code TimeoutException}, so that it is not lost; unless it is reachable from it
   * already or holds it (attaching would make a cycle: the late failure chains the exception in
   * flight, to which the timeout is attached). The interrupt status is left alone: this runs on
   * whichever thread completed the late stage, not on the unwinding's.
   *
   * @param timeout the exception the late failure belongs to
   * @param late the late failure
   */
  public static void attachLate(Throwable timeout, Throwable late) {
    addUnlessReachable(timeout, late, true);
  }

  /**
   * Attaches {@code suppressed} to {@code primary} unless it would make a cycle or (if {@code
   * checkDuplicate}) it is already reachable from it; an {@link InterruptedException} that ends up
   * attached sets the current thread's interrupt status again, so that the interrupt is not lost.
   */
  private static void attach(
      Throwable primary, Throwable suppressed, boolean checkDuplicate, boolean resetInterrupt) {
    addUnlessReachable(primary, suppressed, checkDuplicate);
    keepInterrupt(suppressed, resetInterrupt);
  }

  /** Adds {@code suppressed} to {@code primary} unless that makes a cycle or (if asked) a copy. */
  private static void addUnlessReachable(
      Throwable primary, Throwable suppressed, boolean checkDuplicate) {
    if (!reachable(suppressed, primary) && !(checkDuplicate && reachable(primary, suppressed))) {
      primary.addSuppressed(suppressed);
    }
  }

  /**
   * An {@link InterruptedException} that no longer propagates by itself (attached to another, or
   * suppressed by an exit) would swallow the interrupt: set the status again, as a catch block that
   * does not rethrow should.
   */
  private static void keepInterrupt(Throwable handled, boolean reset) {
    if (reset && handled instanceof InterruptedException) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Tells whether {@code target} is {@code from}, or occurs in its cause chain or suppressed lists,
   * recursively. Iterative, and safe on graphs that already contain cycles.
   */
  static boolean reachable(Throwable from, Throwable target) {
    if (from == target) {
      return true;
    }
    Throwable cause = from.getCause();
    Throwable[] suppressed = from.getSuppressed();
    if (cause == null && suppressed.length == 0) {
      return false; // the common case: a fresh exception; no allocation
    }
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    ArrayDeque<Throwable> work = new ArrayDeque<>();
    seen.add(from);
    work.push(from);
    while (!work.isEmpty()) {
      Throwable t = work.pop();
      Throwable c = t.getCause();
      if (c != null) {
        if (c == target) {
          return true;
        }
        if (seen.add(c)) {
          work.push(c);
        }
      }
      for (Throwable s : t.getSuppressed()) {
        if (s == target) {
          return true;
        }
        if (seen.add(s)) {
          work.push(s);
        }
      }
    }
    return false;
  }
}
