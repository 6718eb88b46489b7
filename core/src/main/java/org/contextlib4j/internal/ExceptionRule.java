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
 *                                           Python chains X as Y.__context__, unless Y is X or X is
 *                                           already reachable from Y (raise Y from X).
 *   plain cleanup threw E                -> X stays in flight and E is attached to it (Java's
 *                                           try-with-resources rule), or E if nothing was in flight;
 *                                           but a VirtualMachineError E is never hidden under an
 *                                           ordinary X: E is in flight, X attached (Scala's ranking).
 *
 * Attaching closes a cycle when the attached exception already holds the other one (a close that
 * throws new IOException("close failed", x), an exit that throws the cause of X): it is attached
 * all the same, since leaving it out loses it. Never lost ranks first, never attached to itself
 * second, no cycle the library creates third; such a cycle is Java's own (try-with-resources makes
 * it too, and printStackTrace prints it as [CIRCULAR REFERENCE]) and CPython keeps the exception
 * as well (Y.__context__ = X although X.__cause__ is Y).
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
    if (suppress && inFlight != null) {
      keepInterrupt(inFlight);
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
   * to it unless it is the same exception or is already reachable from it (even if attaching closes
   * a cycle: leaving it out would lose it).
   *
   * @param inFlight the exception in flight before the exit ran, or null
   * @param thrown what the exit threw
   * @return the exception in flight after the exit: always {@code thrown}
   */
  public static Throwable exitThrew(@Nullable Throwable inFlight, Throwable thrown) {
    if (inFlight != null && thrown != inFlight) {
      attach(thrown, inFlight, true);
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
    if (inFlight == null || thrown == inFlight) {
      // thrown == inFlight: a close that rethrows the failure it already reported; attaching it
      // to itself would throw IllegalArgumentException.
      return inFlight == null ? thrown : inFlight;
    }
    if (thrown instanceof VirtualMachineError && !(inFlight instanceof VirtualMachineError)) {
      attach(thrown, inFlight, true);
      return thrown;
    }
    // No duplicate check here: it would walk the in-flight exception's tree, which grows with each
    // failing cleanup (quadratic for a million of them); a cleanup's fresh failure is not in it.
    attach(inFlight, thrown, false);
    return inFlight;
  }

  /**
   * Attaches {@code late}, a failure that arrived after {@code timeout} had ended the wait for it,
   * to that {@code TimeoutException}, so that it is not lost; unless it is reachable from it
   * already. It is attached even when it holds the exception in flight, to which the timeout is
   * attached (a cycle; leaving it out would lose it). The interrupt status is left alone: this runs
   * on whichever thread completed the late stage, not on the unwinding's.
   *
   * @param timeout the exception the late failure belongs to
   * @param late the late failure
   */
  public static void attachLate(Throwable timeout, Throwable late) {
    addUnlessReachable(timeout, late, true);
  }

  /**
   * Attaches {@code suppressed} to {@code primary} unless (if {@code checkDuplicate}) it is already
   * reachable from it; an {@link InterruptedException} that ends up attached sets the current
   * thread's interrupt status again, so that the interrupt is not lost.
   */
  private static void attach(Throwable primary, Throwable suppressed, boolean checkDuplicate) {
    addUnlessReachable(primary, suppressed, checkDuplicate);
    keepInterrupt(suppressed);
  }

  /**
   * Adds {@code suppressed} to {@code primary} unless (if asked) it is reachable from it already.
   * Whether {@code primary} is reachable from {@code suppressed} (a cycle) does not matter: that
   * walk was quadratic over a chain of replacements, and skipping lost the exception.
   */
  private static void addUnlessReachable(
      Throwable primary, Throwable suppressed, boolean checkDuplicate) {
    if (!(checkDuplicate && reachable(primary, suppressed))) {
      primary.addSuppressed(suppressed);
    }
  }

  /**
   * An {@link InterruptedException} that no longer propagates by itself (attached to another, or
   * suppressed by an exit) would swallow the interrupt: set the status again, as a catch block that
   * does not rethrow should.
   */
  private static void keepInterrupt(Throwable handled) {
    if (handled instanceof InterruptedException) {
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
