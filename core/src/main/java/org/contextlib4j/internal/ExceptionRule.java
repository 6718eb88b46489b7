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

import java.lang.ref.WeakReference;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/*
 * Overview: the exception rule, in one place.
 *
 * Every driver of the unwind engine (Unwinding's sync driver, which Contexts.with uses too, and
 * AsyncUnwinding) keeps a single variable, the exception in flight (null when the block so far succeeded), and runs the
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
 * An exit's own decision is honored whatever is in flight, a VM error included (as CPython's
 * suppress(BaseException) is): returning true suppresses it, throwing Y replaces it.
 *
 * Attaching closes a cycle when the attached exception already holds the other one (a close that
 * throws new IOException("close failed", x), an exit that throws the cause of X): it is attached
 * all the same, since leaving it out loses it. Never lost ranks first, never attached to itself
 * second, no cycle the library creates third; such a cycle is Java's own (try-with-resources makes
 * it too, and printStackTrace prints it as [CIRCULAR REFERENCE]) and CPython keeps the exception
 * as well (Y.__context__ = X although X.__cause__ is Y).
 *
 * "Attached" means: made reachable from the exception that propagates, the other one. One helper
 * (settle) does it for exitThrew (Y preferred) and cleanupThrew (X preferred, or the VM error E), in
 * this order:
 *
 *   (a) the other is the preferred one, or reachable from it already  -> the preferred one
 *   (b) preferred.addSuppressed(other), if it held                     -> the preferred one
 *   (c) preferred.initCause(other), if the cause was unset and it held -> the preferred one
 *   (d) the same the other way round, (a) to (c)                       -> the other one
 *   (e) neither can hold the other                                     -> the preferred one; the
 *                                                                         other is lost
 *
 * (a) makes the same exception thrown by two cleanups attach once, and a close that rethrows the
 * cause of X attach nothing. It must not make an unwinding quadratic: X's suppressed list grows
 * with every failing cleanup, and getSuppressed() copies it. So X is walked once (bounded), when
 * the rule first attaches to it, and what is reachable from it is then recorded per thread (see
 * Known): what the walk saw, and what the rule attached since, WALK_BUDGET exceptions at most. The
 * record is never wrong (reachability only grows) but can be incomplete: an exception other code
 * attached meanwhile, or one beyond the bound, is attached once more. A duplicate, never a loss.
 *
 * (b) does not always hold: an exception made with enableSuppression = false ignores addSuppressed,
 * and so do the errors the JVM raises itself. A StackOverflowError from real recursion and an
 * OutOfMemoryError from a real allocation (measured on JDK 17 and 25) have suppression disabled and
 * their cause set to null, so initCause throws: nothing can be attached to them. So a VM error made
 * by code still becomes primary with X attached, while one the JVM raised is attached to X (as
 * try-with-resources does), and a failing cleanup's exception propagates with such an error in
 * flight attached to it. Whether addSuppressed held is read back once per exception and thread (in
 * Known): getSuppressed() copies the list.
 *
 * (e) is the one loss the rule cannot avoid: two exceptions that can hold nothing (two JVM-raised
 * errors, or one and an exception with suppression disabled).
 *
 * An InterruptedException that stops propagating by itself (attached to another, or suppressed by
 * an exit, or lost in (e)) sets the thread's interrupt status again, so the interrupt is not lost;
 * unless the caller passes resetInterrupt = false: the async driver folds on whichever thread
 * completed a stage, which it must not interrupt.
 *
 * Exceptions are user objects. The rule calls getCause, initCause, getSuppressed and addSuppressed
 * on them, nothing else (not toString, getMessage or getStackTrace); the first two can be overridden
 * to do anything, the last two are final but can run out of memory. Every call is guarded: a
 * getCause that throws reads as no cause, a failing getSuppressed as none, a failing addSuppressed
 * or initCause as "did not hold". What the broken method threw is dropped: it is the answer of a
 * broken method, not a failure of the block or of a cleanup; the two exceptions are settled as any
 * others. Every walk of a graph looks at WALK_BUDGET exceptions at most: a getCause that returns a
 * fresh exception on every call is an endless chain. Beyond the budget an exception that is in fact
 * reachable already may be attached once more: a duplicate, never a loss.
 *
 * The rule also runs when the heap is exhausted (a cleanup's OutOfMemoryError): its own
 * bookkeeping (a walk's set, the record) may not fit then; it attaches without it (a duplicate at
 * worst), and when addSuppressed itself cannot grow the list, initCause, which allocates nothing,
 * may still hold.
 *
 * The functions are pure apart from addSuppressed and initCause, never create an exception, never
 * throw, and lose one only in case (e).
 */

/**
 * The exception rule shared by every stack: how the result of one cleanup changes the exception in
 * flight. See the overview comment in the source for the table.
 *
 * <p>When its aims conflict they rank: never a lost exception, then never an exception attached to
 * itself, then no cycle the library itself creates.
 *
 * <p>One loss cannot be avoided, and is measured rather than assumed: the errors the JVM raises
 * itself can hold nothing. A {@link StackOverflowError} from real recursion and an {@link
 * OutOfMemoryError} from a real allocation (JDK 17 and 25) have suppression disabled and their
 * cause set to null: {@code addSuppressed} does nothing and {@code initCause} throws. (Once its few
 * preallocated out-of-memory errors are used up, the JVM throws one shared instance.) The rule then
 * attaches the other way round: such an error from a cleanup is attached to the exception in flight
 * instead of replacing it, and a failing cleanup's exception with such an error in flight
 * propagates with the error attached. Only when neither of the two exceptions can hold the other
 * (two such errors, or one and an exception made with {@code enableSuppression = false}) does the
 * preferred one propagate alone, and the other is lost.
 */
public final class ExceptionRule {
  /**
   * How many exceptions one walk of a graph looks at, and one record ({@link Known}) holds, at
   * most; see {@link #reachable}.
   */
  static final int WALK_BUDGET = 1_000;

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
   * {@link #exitReturned(Throwable, boolean)}, setting the interrupt status again only if {@code
   * resetInterrupt}: a driver that folds on whichever thread completed a stage must not interrupt
   * that thread.
   *
   * @param inFlight the exception in flight before the exit ran, or null
   * @param suppress what the exit returned
   * @param resetInterrupt whether a suppressed {@link InterruptedException} sets the current
   *     thread's interrupt status again
   * @return the exception in flight after the exit
   */
  public static @Nullable Throwable exitReturned(
      @Nullable Throwable inFlight, boolean suppress, boolean resetInterrupt) {
    if (!suppress) {
      return inFlight;
    }
    if (resetInterrupt) {
      keepInterrupt(inFlight);
    }
    return null;
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
   * <p>If {@code thrown} can hold nothing (its suppression is disabled and its cause set) but the
   * exception in flight can hold it, the exception in flight stays, with {@code thrown} attached:
   * otherwise one of them would be lost. If neither can hold the other, {@code thrown} is returned
   * and the other is lost.
   *
   * @param inFlight the exception in flight before the exit ran, or null
   * @param thrown what the exit threw
   * @return the exception in flight after the exit: {@code thrown}, or in the case above {@code
   *     inFlight}
   */
  public static Throwable exitThrew(@Nullable Throwable inFlight, Throwable thrown) {
    return exitThrew(inFlight, thrown, true);
  }

  /**
   * {@link #exitThrew(Throwable, Throwable)}, setting the interrupt status again only if {@code
   * resetInterrupt}.
   *
   * @param inFlight the exception in flight before the exit ran, or null
   * @param thrown what the exit threw
   * @param resetInterrupt whether an {@link InterruptedException} that stops propagating by itself
   *     sets the current thread's interrupt status again
   * @return the exception in flight after the exit
   */
  public static Throwable exitThrew(
      @Nullable Throwable inFlight, Throwable thrown, boolean resetInterrupt) {
    if (inFlight == null || thrown == inFlight) {
      return thrown;
    }
    return settle(thrown, inFlight, resetInterrupt);
  }

  /**
   * A plain cleanup (a close or a callback) threw {@code thrown}: what was in flight stays, with
   * {@code thrown} attached; with nothing in flight, {@code thrown} is now in flight.
   *
   * <p>One exception to "what was in flight stays": a {@link VirtualMachineError} (out of memory,
   * stack overflow, an internal error) is never hidden under an ordinary exception. It becomes the
   * exception in flight, with the ordinary one attached to it (the ranking of Scala's {@code
   * Using}), if it can hold it.
   *
   * <p>If the exception that should stay can hold nothing (its suppression is disabled and its
   * cause set, as for the errors the JVM raises itself), the other one is returned instead, with it
   * attached; if neither can hold the other, the one that should stay is returned and the other is
   * lost.
   *
   * @param inFlight the exception in flight before the cleanup ran, or null
   * @param thrown what the cleanup threw
   * @return the exception in flight after the cleanup
   */
  public static Throwable cleanupThrew(@Nullable Throwable inFlight, Throwable thrown) {
    return cleanupThrew(inFlight, thrown, true);
  }

  /**
   * {@link #cleanupThrew(Throwable, Throwable)}, setting the interrupt status again only if {@code
   * resetInterrupt}.
   *
   * @param inFlight the exception in flight before the cleanup ran, or null
   * @param thrown what the cleanup threw
   * @param resetInterrupt whether an {@link InterruptedException} that stops propagating by itself
   *     sets the current thread's interrupt status again
   * @return the exception in flight after the cleanup
   */
  public static Throwable cleanupThrew(
      @Nullable Throwable inFlight, Throwable thrown, boolean resetInterrupt) {
    if (inFlight == null || thrown == inFlight) {
      // thrown == inFlight: a close that rethrows the failure it already reported; attaching it
      // to itself would throw IllegalArgumentException.
      return inFlight == null ? thrown : inFlight;
    }
    return thrown instanceof VirtualMachineError && !(inFlight instanceof VirtualMachineError)
        ? settle(thrown, inFlight, resetInterrupt)
        : settle(inFlight, thrown, resetInterrupt);
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
    if (late != timeout) {
      hold(timeout, late);
    }
  }

  /**
   * Makes one of the two distinct exceptions reachable from the other, {@code preferred} from
   * {@code other} only if {@code preferred} can hold nothing ((a) to (e) of the overview), and
   * returns the one that propagates. If the one that stops propagating by itself is an {@link
   * InterruptedException}, the interrupt status is set again if {@code resetInterrupt}.
   */
  private static Throwable settle(Throwable preferred, Throwable other, boolean resetInterrupt) {
    boolean swap = !hold(preferred, other) && hold(other, preferred);
    if (resetInterrupt) {
      keepInterrupt(swap ? preferred : other);
    }
    return swap ? other : preferred;
  }

  /**
   * Makes {@code other} reachable from {@code primary}, unless it is reachable from it already:
   * with {@code addSuppressed} if that holds, otherwise with {@code initCause} if the cause is
   * unset. Tells whether it is reachable now.
   *
   * <p>Linear over an unwinding: the exception in flight is walked once (per thread, see {@link
   * Known}), when the rule first attaches to it, and not again for each attach, since its
   * suppressed list grows with each failing cleanup (a million of them were quadratic) and reading
   * it copies it.
   */
  private static boolean hold(Throwable primary, Throwable other) {
    Known known = null;
    try {
      known = recordOf(primary, other);
    } catch (Throwable outOfMemory) {
      // Its own bookkeeping (the walk's set and queue, the record) did not fit in the heap: attach
      // without knowing what is reachable already, a duplicate at worst.
    }
    if (known != null && known.has(other)) {
      return true; // reachable already
    }
    boolean held =
        addSuppressed(primary, other)
            && ((known != null && known.holds) || suppressedOf(primary).length > 0);
    if (held && known != null) {
      known.holds = true; // suppression is enabled, which never changes for an exception
      known.record(other);
    }
    return held || initCause(primary, other);
  }

  /**
   * This thread's record about {@code primary}, made by a walk looking for {@code other} if none.
   */
  private static Known recordOf(Throwable primary, Throwable other) {
    Known known = knownAbout(primary);
    if (known == null) {
      known = walk(primary, other);
      KNOWN.set(new WeakReference<>(known));
    }
    return known;
  }

  /** {@code addSuppressed}, and whether it returned: it can run out of memory growing the list. */
  private static boolean addSuppressed(Throwable primary, Throwable other) {
    boolean added;
    try {
      primary.addSuppressed(other);
      added = true;
    } catch (Throwable outOfMemory) { // nothing else is possible here: other is neither it nor null
      added = false;
    }
    return added;
  }

  /** {@code initCause}, and whether it held: it throws if the cause is set (even to null). */
  private static boolean initCause(Throwable primary, Throwable cause) {
    boolean set;
    try {
      primary.initCause(cause);
      set = true;
    } catch (Throwable causeSetAlready) { // or what an overriding initCause throws
      set = false;
    }
    return set && causeOf(primary) == cause;
  }

  /** {@link #KNOWN}'s record if it is about {@code primary}, or null. */
  private static @Nullable Known knownAbout(Throwable primary) {
    WeakReference<Known> ref = KNOWN.get();
    Known known = ref == null ? null : ref.get();
    return known != null && known.holder == primary ? known : null;
  }

  /**
   * An {@link InterruptedException} that no longer propagates by itself (attached to another,
   * suppressed by an exit, or lost in case (e)) would swallow the interrupt: set the status again,
   * as a catch block that does not rethrow should.
   */
  private static void keepInterrupt(@Nullable Throwable handled) {
    if (handled instanceof InterruptedException) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Tells whether {@code target} is {@code from}, or occurs in its cause chain or suppressed lists,
   * recursively. Iterative, safe on graphs that already contain cycles, and bounded: it looks at
   * {@link #WALK_BUDGET} exceptions at most (a {@code getCause} that makes a fresh exception on
   * every call is an endless chain), and answers false for what lies beyond.
   */
  static boolean reachable(Throwable from, Throwable target) {
    return walk(from, target).has(target);
  }

  /**
   * {@link #reachable}, as a record of every exception the walk saw (from included, and target if
   * it is reachable), all of them reachable from {@code from}.
   */
  private static Known walk(Throwable from, Throwable target) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>(4));
    seen.add(from);
    ArrayDeque<Throwable> work = new ArrayDeque<>(4);
    for (Throwable next = from; next != null && !seen.contains(target); next = work.poll()) {
      see(causeOf(next), target, seen, work);
      for (Throwable s : suppressedOf(next)) {
        see(s, target, seen, work);
      }
    }
    return new Known(from, seen);
  }

  /**
   * Notes {@code t}, reachable from where the walk is: if it is the target, the walk is over; else
   * it is queued to be looked at, if it is new and the walk's budget allows.
   */
  private static void see(
      @Nullable Throwable t, Throwable target, Set<Throwable> seen, ArrayDeque<Throwable> work) {
    if (t == target) {
      seen.add(target);
    } else if (t != null && seen.size() < WALK_BUDGET && seen.add(t)) {
      work.push(t);
    }
  }

  /**
   * {@code t.getCause()}, or null if it throws. A subclass can override it to do anything (so can
   * it {@code initCause}, guarded where it is called): a failure of it is the answer of a broken
   * method, not a failure of the block or of a cleanup, and is dropped.
   */
  static @Nullable Throwable causeOf(Throwable t) {
    Throwable cause;
    try {
      cause = t.getCause();
    } catch (Throwable broken) {
      cause = null;
    }
    return cause;
  }

  /**
   * {@code t.getSuppressed()}, or none if it throws: it is final, but copies the list, and can run
   * out of memory doing so.
   */
  private static Throwable[] suppressedOf(Throwable t) {
    Throwable[] suppressed;
    try {
      suppressed = t.getSuppressed();
    } catch (Throwable outOfMemory) {
      suppressed = NONE;
    }
    return suppressed;
  }

  private static final Throwable[] NONE = {};

  /**
   * What this thread learned about the last exception it walked (to attach another to it): whether
   * it holds suppressed exceptions, and which exceptions are reachable from it, {@link
   * #WALK_BUDGET} of them at most (those its walk saw, then those the rule attached). Both only
   * grow for a given exception, so the record is never wrong, only incomplete (others may have
   * attached more since, and it is bounded): an exception reachable in fact but not in the record
   * is attached once more, a duplicate, never a loss. Bounded because a large identity set is slow
   * to grow and to search: unbounded, it made a million failing cleanups 10 times slower.
   *
   * <p>Held only through a {@link WeakReference}: the record refers to the exceptions strongly
   * (identity sets hold their keys), but nothing refers to the record strongly, so it keeps no
   * exception (nor what exceptions refer to) alive after the unwinding. A collection forgets it,
   * and the next attach walks again.
   */
  private static final ThreadLocal<WeakReference<Known>> KNOWN = new ThreadLocal<>();

  /** What {@link #KNOWN} records. */
  static final class Known {
    final Throwable holder;
    private final Set<Throwable> reachable;

    /** Whether the holder is known to hold suppressed exceptions (else: not known yet). */
    boolean holds;

    /** A record about {@code holder}, from whom every member of {@code reachable} is reachable. */
    Known(Throwable holder, Set<Throwable> reachable) {
      this.holder = holder;
      this.reachable = reachable;
    }

    /** {@return whether {@code t} is known to be reachable from the holder} */
    boolean has(Throwable t) {
      return reachable.contains(t);
    }

    /** Records that {@code t} is reachable from the holder now, unless the record is full. */
    void record(Throwable t) {
      if (reachable.size() < WALK_BUDGET) {
        try {
          reachable.add(t);
        } catch (Throwable outOfMemory) { // growing the set: the record stays as it was
        }
      }
    }
  }
}
