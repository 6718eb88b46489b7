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
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * The frame protocol: how the unwind engine ({@link Unwinding}, {@link AsyncUnwinding}) sees the
 * stacks, their entries and the stacks nested in them. The engine knows no stack class: one
 * implementation, in {@code org.contextlib4j}, knows the three ({@code ExitStack}, {@code
 * ConcurrentExitStack}, {@code AsyncExitStack}) and every way one can be registered on another, so
 * that a nested stack of any kind, entered by any path, is drained in place by one loop.
 *
 * <p>Entries are opaque to the engine: an object and a {@code byte} kind, as the stacks store them.
 */
public abstract class Frames {

  /** {@link #begin}: the stack is closed, or its close ran elsewhere: nothing to drain. */
  public static final int DONE = 0;

  /** {@link #begin}: this unwinding owns the stack's close and ends it when it finds it empty. */
  public static final int OWNER = 1;

  /** {@link #begin}: this thread's unwinding of the stack is already running: drain, not own. */
  public static final int REENTRANT = 2;

  /** {@link #flatTop}: the stack is empty (and its close needs no ending). */
  public static final int EMPTY = -1;

  /** {@link #flatTop}: the stack needs the cursor. */
  public static final int CURSOR = -2;

  /**
   * {@link #rootFlatTop}: the root (a concurrent stack) has nothing the sync driver may take off
   * without its lock; {@link #refill} takes what was registered meanwhile, or ends its close.
   */
  public static final int REFILL = -3;

  /** {@link #nested}'s answer for a handle that was cancelled or run early: nothing to run. */
  public static final Object SKIP = new Object();

  /** For the one implementation. */
  protected Frames() {}

  /**
   * Takes the closer's role on {@code stack} for the calling thread, waiting for another thread's
   * close if the stack needs it (and never when that would deadlock).
   *
   * @param stack a stack {@link #nested} returned, or a root
   * @return {@link #DONE}, {@link #OWNER} or {@link #REENTRANT}
   */
  public abstract int begin(Object stack);

  /**
   * Takes the newest entry off {@code stack} and hands it to {@code into} ({@link
   * Unwinding#found}); if the stack is empty and {@code owner}, ends its close (and its unwinding),
   * in the same step.
   *
   * @param stack the stack being drained
   * @param owner whether this unwinding owns its close
   * @param into where the entry goes
   * @return false if the stack was empty
   */
  public abstract boolean pop(Object stack, boolean owner, Unwinding into);

  /**
   * The kind of {@code stack}'s newest entry, if the drivers may take it off with {@link #popFlat}:
   * the stack needs no lock to pop and no end of its close but {@link #end}. Both drivers then ask
   * {@link #isLeaf} of the entry {@link #peekFlat} shows, and leave one that is not a leaf on the
   * stack for the cursor. Lets a flat stack unwind with nothing allocated.
   *
   * @param stack the stack
   * @return the kind (0 or more), {@link #EMPTY} or {@link #CURSOR} (the stack needs the cursor)
   */
  public abstract int flatTop(Object stack);

  /**
   * The sync driver's {@link #flatTop} for the stack it was called on, after {@link #begin}: as
   * {@code flatTop}, except that a stack whose close needs more than {@link #end} (a concurrent
   * one) may say a kind too, while its closer may take the entry off without a lock; the driver
   * then takes it off {@link #flatStorage}. Its close still ends in {@link #pop}.
   *
   * @param root the stack the unwinding was called on
   * @return the kind (0 or more), {@link #EMPTY}, {@link #CURSOR} (the stack needs the cursor) or
   *     {@link #REFILL}
   */
  public abstract int rootFlatTop(Object root);

  /**
   * What the sync driver gives {@link #popFlat} when {@link #rootFlatTop} says a kind: {@code root}
   * itself, or the storage a concurrent stack's closer took its entries into. Asked once, after
   * {@link #begin}.
   *
   * @param root the stack the unwinding was called on
   * @return the storage to pop from
   */
  public abstract Object flatStorage(Object root);

  /**
   * After {@link #rootFlatTop} said {@link #REFILL}: under the root's lock, takes what was
   * registered meanwhile onto its {@link #flatStorage} and returns true; or, if there is nothing at
   * all, ends its close if {@code owner} (in the same step, so that a registration either is taken
   * or sees the stack closed) and returns false.
   *
   * @param root the stack the unwinding was called on
   * @param owner whether the root's begin made us its owner
   * @return whether there are entries to take off again
   */
  public abstract boolean refill(Object root, boolean owner);

  /**
   * The newest entry of a stack for which {@link #flatTop} just returned a kind, left in place.
   *
   * @param stack the stack
   * @return the entry
   */
  public abstract Object peekFlat(Object stack);

  /**
   * Takes off the newest entry of a stack for which {@link #flatTop} just returned a kind.
   *
   * @param stack the stack
   * @return the entry
   */
  public abstract Object popFlat(Object stack);

  /**
   * Whether the entry runs as it is: it is neither a handle nor a stack to drain in place.
   *
   * @param entry the entry
   * @param kind its kind
   * @return true for an entry {@link #run} (or {@link #start}) can take directly
   */
  public abstract boolean isLeaf(Object entry, byte kind);

  /**
   * Ends the unwinding of {@code stack}, which this unwinding owns and {@link #flatTop} has just
   * found empty (the flat path of the sync driver, and of the async driver for its root; on the
   * cursor's path {@link #pop} ends it).
   *
   * @param stack a stack {@link #begin} made this thread the owner of
   */
  public abstract void end(Object stack);

  /**
   * Gives up the closer's role on {@code stack} without closing it: an error of the machinery
   * escaped the loop.
   *
   * @param stack a stack {@link #begin} made this thread the owner of
   */
  public abstract void abandon(Object stack);

  /**
   * Puts {@code entry} back on top of {@code stack}, which it was taken off by this thread's
   * unwinding: the machinery failed before it ran (or, for a nested stack, before it was drained),
   * and a later close runs it.
   *
   * @param stack the stack being drained, which the entry came from
   * @param entry the entry, as registered there
   * @param kind its kind
   */
  public abstract void restore(Object stack, Object entry, byte kind);

  /**
   * Looks at the entry {@code u} holds: unwraps a handle (claiming it, or returning {@link #SKIP}
   * if it was cancelled or run), and if the entry is a stack registered in a way that lets it be
   * drained in place, returns that stack, after telling {@code u} how ({@link Unwinding#plain},
   * {@link Unwinding#timed}).
   *
   * @param u the unwinding, holding the entry
   * @return the stack to drain in place, {@link #SKIP}, or null for an entry to run
   */
  public abstract @Nullable Object nested(Unwinding u);

  /**
   * Whether entries of this kind complete through a stage ({@link #start}), not synchronously.
   *
   * @param kind the entry's kind
   * @return true for an async entry
   */
  public abstract boolean isAsync(byte kind);

  /**
   * Runs a synchronous entry that is not a nested stack.
   *
   * @param entry the entry
   * @param kind its kind
   * @param inFlight the exception in flight before it
   * @param resetInterrupt whether an interrupt the rule takes over may be re-set on this thread
   * @return the exception in flight after it
   */
  public abstract @Nullable Throwable run(
      Object entry, byte kind, @Nullable Throwable inFlight, boolean resetInterrupt);

  /**
   * Starts an async entry and returns its stage; a null stage is thrown as that entry's failure.
   *
   * @param entry the entry
   * @param kind its kind
   * @param inFlight the exception in flight before it
   * @param resetInterrupt whether an interrupt the exit takes over may be re-set on this thread
   * @return the entry's stage
   * @throws Exception what starting it threw: the entry's failure
   */
  public abstract CompletionStage<?> start(
      Object entry, byte kind, @Nullable Throwable inFlight, boolean resetInterrupt)
      throws Exception;

  /**
   * The exception rule applied to an async entry's outcome.
   *
   * @param entry the entry
   * @param kind its kind
   * @param inFlight the exception in flight before it
   * @param value what its stage completed with
   * @param failure what its stage failed with ({@link Stages#unwrap unwrapped}), or what starting
   *     it threw (as is: a {@code CompletionException} thrown by the cleanup itself is its
   *     failure), or null
   * @param resetInterrupt whether an interrupt the rule takes over may be re-set on this thread
   * @return the exception in flight after it
   */
  public abstract @Nullable Throwable fold(
      Object entry,
      byte kind,
      @Nullable Throwable inFlight,
      @Nullable Object value,
      @Nullable Throwable failure,
      boolean resetInterrupt);

  /**
   * Whether the async entry's stage completes with the exception in flight after it, as a value.
   *
   * @param entry the entry
   * @param kind its kind
   * @return true for an exit that reports the exception in flight
   */
  public abstract boolean reportsInFlight(Object entry, byte kind);

  /**
   * The async entry's own timeout, if it was registered with one.
   *
   * @param entry the entry
   * @return the timeout, or null
   */
  public abstract @Nullable Duration timeoutOf(Object entry);
}
