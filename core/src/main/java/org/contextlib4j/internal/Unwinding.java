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
import org.jspecify.annotations.Nullable;

/*
 * Overview: the unwind engine.
 *
 * One unwinding keeps the exception in flight and a cursor over the stacks it drains: the stack
 * being drained and, for each stack it went into, a Frame saying where to go back and how the
 * nested stack's outcome counts there. next() pops entries (through the frame protocol, Frames)
 * until it finds one to run; a nested stack of any kind, registered by any path, is not run but
 * entered, so that no depth of nesting grows the thread's stack:
 *
 *   registered as a manager (push, enterContext, pushAsyncExit, toAsync): its entries see and
 *     change our exception in flight, which is exactly what its exit would give;
 *   registered as a resource (register, closing): it unwinds with nothing in flight, and what is in
 *     flight at its end is a plain cleanup's failure (ExceptionRule.cleanupThrew);
 *   registered with a timeout (pushAsyncExit(stack, timeout)): as a manager, and its entries' stages
 *     get at most what is left of that timeout.
 *
 * The sync driver (unwind, runEntry) runs each entry next() finds (an ExitStack's own close
 * drains its leaves in StackFrames.unwindOwned, this flat loop written for it alone so that it
 * compiles small enough to be inlined, and hands over with withCursor); the async driver
 * (AsyncUnwinding) also starts stages and waits for those that are not complete. Both apply
 * ExceptionRule to every outcome. Entries are popped from the live stacks, so a cleanup that
 * registers more gets them run in the same unwinding, and a re-entrant close leaves nothing here.
 *
 * When the machinery itself fails (a StackOverflowError where a close runs at the very end of the
 * thread's stack), nothing that has not run may be lost: the cursor first checks for room to give
 * up (room), marks the entry it took and has not run yet (pending), and keeps in each Frame how the
 * nested stack was registered; abandonAll puts them back and gives up the stacks it owns, and the
 * stacks' own entry points give up the root's role with field writes only (StackFrames.unwind).
 */

/**
 * The unwind engine shared by every stack: a cursor over the stacks being unwound and the exception
 * in flight, with the synchronous driver. See the overview comment in the source.
 */
public class Unwinding {

  private final Frames frames;

  /** The stack being drained; null for a lone entry ({@link #runEntry}). */
  private @Nullable Object stack;

  private boolean owner;
  private @Nullable Frame resume;

  /** The exception in flight. */
  @Nullable Throwable inFlight;

  // The entry next() found, and what Frames.nested says of a nested stack.
  Object entry = Frames.SKIP;
  byte kind;

  /**
   * Whether {@link #entry} was taken off {@link #stack} ({@link #taken}) and is neither run nor
   * entered yet: {@link #abandonAll} puts it back.
   */
  private boolean pending;

  private boolean preset;
  private boolean nestedPlain;
  private @Nullable Duration nestedTimeout;

  /** The earliest deadline that applies to the stack being drained, if any. */
  @Nullable Deadline deadline;

  /**
   * A new unwinding of {@code stack}.
   *
   * @param frames the protocol
   * @param stack the root stack, after {@link Frames#begin}; null for a lone entry
   * @param owner whether the root's begin made us its owner
   * @param failure the exception in flight at the start, or null
   */
  protected Unwinding(
      Frames frames, @Nullable Object stack, boolean owner, @Nullable Throwable failure) {
    this.frames = frames;
    this.stack = stack;
    this.owner = owner;
    this.inFlight = failure;
  }

  // --- the sync driver --------------------------------------------------------------------------

  /**
   * Unwinds {@code root} with {@code failure} in flight and returns what is in flight at the end.
   *
   * @param frames the protocol
   * @param root the stack
   * @param failure the exception in flight, or null
   * @return the exception in flight at the end, or null
   */
  public static @Nullable Throwable unwind(
      Frames frames, Object root, @Nullable Throwable failure) {
    int role = frames.begin(root);
    if (role == Frames.DONE) {
      return failure; // closed: nothing runs, nothing changes
    }
    // Leaves first, with no cursor: nothing is allocated for a stack without nested stacks or
    // handles, and C2 can then scalar-replace a small stack created and closed in one method
    // (measured: a cursor made up front cost 4 -> 27 ns and 0 -> 80 B per close of one entry).
    // The first entry that needs the cursor hands the rest over to it.
    // An entry that needs the cursor is left on the stack for it (looked at, not taken), so that
    // it is never only in this frame, where an error (an overflow) would lose it.
    Throwable inFlight = failure;
    Object flat = frames.flatStorage(root);
    int kind;
    while ((kind = frames.rootFlatTop(root)) != Frames.EMPTY) {
      if (kind == Frames.REFILL) {
        if (!frames.refill(root, role == Frames.OWNER)) {
          return inFlight; // nothing left: its close ended (if ours) under its lock
        }
        flat = frames.flatStorage(root);
        continue;
      }
      if (kind < 0) {
        break; // the cursor
      }
      Object entry = frames.peekFlat(flat);
      if (!frames.isLeaf(entry, (byte) kind)) {
        break;
      }
      Object taken = frames.popFlat(flat);
      inFlight = frames.run(taken, (byte) kind, inFlight, true);
    }
    if (kind == Frames.EMPTY) {
      if (role == Frames.OWNER) {
        frames.end(root);
      }
      return inFlight;
    }
    return new Unwinding(frames, root, role == Frames.OWNER, inFlight).runAll();
  }

  /**
   * Goes on with the unwinding of {@code root}, which the caller began as its owner and drained of
   * leaves down to an entry that needs the cursor: what {@link #unwind} does from there.
   *
   * @param frames the protocol
   * @param root the stack
   * @param inFlight the exception in flight
   * @return the exception in flight at the end, or null
   */
  public static @Nullable Throwable withCursor(
      Frames frames, Object root, @Nullable Throwable inFlight) {
    return new Unwinding(frames, root, true, inFlight).runAll();
  }

  /**
   * Runs one entry with {@code inFlight}, as a stack holding only it would: a nested stack is
   * unwound in place. Used where an entry is run outside a stack (a manager given to {@code with},
   * a handle run early, a registration refused by a closed stack).
   *
   * @param frames the protocol
   * @param entry the entry
   * @param kind its kind
   * @param inFlight the exception in flight before it
   * @return the exception in flight after it
   */
  public static @Nullable Throwable runEntry(
      Frames frames, Object entry, byte kind, @Nullable Throwable inFlight) {
    if (frames.isLeaf(entry, kind)) {
      return frames.run(entry, kind, inFlight, true); // no cursor needed (Contexts.with's case)
    }
    Unwinding u = new Unwinding(frames, null, false, inFlight);
    u.preset(entry, kind);
    return u.runAll();
  }

  /**
   * Makes {@code entry}, already taken off the stack being drained (or given alone), the one {@link
   * #next} looks at first.
   */
  final void preset(Object entry, byte kind) {
    found(entry, kind);
    preset = true;
  }

  private @Nullable Throwable runAll() {
    var unused = room(ROOM_FRAMES, 1, 2, 3, 4);
    boolean finished = false;
    try {
      while (next()) {
        inFlight = frames.run(entry, kind, inFlight, true);
      }
      finished = true;
      return inFlight;
    } finally {
      if (!finished) {
        abandonAll();
      }
    }
  }

  /**
   * How deep {@link #room} recurses: room for {@link #abandonAll} and what it calls, with a margin
   * for those frames being interpreted (that path rarely runs) while {@code room}'s are compiled.
   * EndOfTheStackTest finds the cursor losing a nested stack without it (JDK 25).
   */
  private static final int ROOM_FRAMES = 24;

  /**
   * Recurses {@code frames} deep, each frame keeping four longs alive across its call, so that its
   * compiled frames are not empty either. Called before the cursor takes anything off a stack: if
   * the thread's stack is too near its end for the cursor to give up cleanly where an error strikes
   * it later (its depth stays the same, however deep the stacks nest), the StackOverflowError is
   * thrown here, where nothing has changed yet. (Checked later, before the first nested stack is
   * entered, it failed: where even this call overflows, so does the give-up.) About 50 ns, paid
   * only by a close that needs the cursor (nested stacks, handles); a concurrent stack's close ends
   * in the flat loop ({@link Frames#REFILL}).
   */
  private static long room(int frames, long a, long b, long c, long d) {
    if (frames == 0) {
      return a + b + c + d;
    }
    long r = room(frames - 1, b, c, d, a + 1);
    return (r ^ a) * (r ^ b) + (r ^ c) * (r ^ d);
  }

  /**
   * For the async driver, before it calls {@link #next} in a drive: the room check {@link #runAll}
   * makes, if the cursor may take something off a stack or has a nested stack to go back from (not
   * for the look that finds a flat stack drained, which every close makes). The async driver has
   * its cursor from the start, and resumes on other threads, at other depths: hence once per drive,
   * where the sync driver checks once per unwinding.
   */
  final void roomForCursor() {
    Object s = stack;
    if (resume != null || preset || (s != null && frames.flatTop(s) != Frames.EMPTY)) {
      var unused = room(ROOM_FRAMES, 1, 2, 3, 4);
    }
  }

  // --- the cursor -------------------------------------------------------------------------------

  /**
   * Finds the next entry to run, entering and leaving nested stacks on the way.
   *
   * @return true with {@link #entry} and {@link #kind} set; false when every stack is drained
   */
  final boolean next() {
    while (true) {
      Object s = stack;
      if (preset) {
        preset = false;
      } else if (s == null || !frames.pop(s, owner, this)) {
        Frame r = resume;
        if (r == null) {
          return false;
        }
        if (r.plain) {
          Throwable closeFailure = inFlight;
          inFlight =
              closeFailure == null
                  ? r.inFlight
                  : ExceptionRule.cleanupThrew(r.inFlight, closeFailure, resetsInterrupt());
        }
        stack = r.stack;
        owner = r.owner;
        deadline = r.deadline;
        resume = r.next;
        continue;
      }
      nestedPlain = false;
      nestedTimeout = null;
      Object nested = frames.nested(this);
      if (nested == null) {
        pending = false; // the caller runs it (an error from here on counts as the entry's)
        return true;
      }
      if (nested == Frames.SKIP) {
        pending = false;
        continue;
      }
      // Every call before begin, every write after it: an error in a call leaves the entry
      // pending (put back by abandonAll), and once begin took the nested stack's role, the frame
      // that gives it back on abandonAll is linked without another call.
      Duration timeout = nestedTimeout;
      Deadline nestedDeadline =
          timeout == null ? deadline : Deadline.earliest(deadline, Deadline.after(timeout, false));
      Frame back = new Frame(s, owner, nestedPlain, inFlight, deadline, resume, entry, kind);
      int role = frames.begin(nested);
      pending = false;
      if (role == Frames.DONE) {
        continue; // its close or exit would run nothing and change nothing
      }
      resume = back;
      if (nestedPlain) {
        inFlight = null;
      }
      deadline = nestedDeadline;
      stack = nested;
      owner = role == Frames.OWNER;
    }
  }

  /**
   * {@link Frames#flatTop} of the stack being drained, for the async driver: a kind if its newest
   * entry is a leaf that may be taken off with {@link #popFlat}, else {@link Frames#CURSOR} (go
   * through {@link #next}, which also leaves a drained nested stack). Looks at the entry before
   * taking it, as the sync driver's loop does, which also keeps the async loop small enough for C2
   * to inline it and scalar-replace the unwinding of a flat stack (measured: taking first, then
   * presetting a non-leaf for the cursor, made a one-entry close 47 -> 77 ns and 72 -> 152 B).
   */
  final int flatTop() {
    Object s = stack;
    if (s == null || preset) {
      return Frames.CURSOR;
    }
    int kind = frames.flatTop(s);
    return kind >= 0 && frames.isLeaf(frames.peekFlat(s), (byte) kind) ? kind : Frames.CURSOR;
  }

  /**
   * For the async driver, after {@link #flatTop} found no leaf: ends the unwinding, as {@link
   * #next} would, if the stack being drained is the root, flat and empty (the look every close
   * makes last), and says whether it did; so a flat close never runs the cursor, which then stays
   * out of the async loop's compiled code (C2's InlineSmallCode: docs/benchmarks.md). As the sync
   * driver's flat path ends ({@link #unwind}).
   */
  final boolean endedFlat() {
    Object s = stack;
    if (s == null || preset || resume != null || frames.flatTop(s) != Frames.EMPTY) {
      return false;
    }
    if (owner) {
      frames.end(s);
    }
    return true;
  }

  /** Takes off the entry {@link #flatTop} just looked at. */
  final Object popFlat() {
    return frames.popFlat(checkStack());
  }

  private Object checkStack() {
    return Throwables.checkNotNull(stack, "stack");
  }

  /**
   * Whether an interrupt the exception rule takes over may be re-set on the current thread: always
   * for the sync driver, whose cleanups run on the thread that closes.
   *
   * @return true unless a subclass says otherwise
   */
  boolean resetsInterrupt() {
    return true;
  }

  /**
   * Gives up the close of every stack this unwinding owns, the machinery having failed, and leaves
   * what has not run where a later close finds it: the entry taken off and not run yet goes back
   * onto its stack, and each nested stack being drained goes back onto the stack it was registered
   * on, innermost first, with what it has left.
   */
  protected final void abandonAll() {
    Object s = stack;
    if (pending && s != null) {
      frames.restore(s, entry, kind);
    }
    pending = false;
    boolean owns = owner;
    for (Frame f = resume; ; f = f.next) {
      if (owns && s != null) {
        frames.abandon(s);
      }
      if (f == null) {
        return;
      }
      s = f.stack;
      owns = f.owner;
      if (s != null) {
        frames.restore(s, f.entry, f.kind);
      }
    }
  }

  // --- for the frame protocol -------------------------------------------------------------------

  /**
   * Hands over the entry to look at next.
   *
   * @param entry the entry
   * @param kind its kind
   */
  public final void found(Object entry, byte kind) {
    this.entry = entry;
    this.kind = kind;
  }

  /**
   * Hands over the entry just taken off the stack being drained: as {@link #found}, and marks it as
   * not run yet. Makes no call, so the frame protocol can take the entry off right after it without
   * a gap where an error would lose it.
   *
   * @param entry the entry
   * @param kind its kind
   */
  public final void taken(Object entry, byte kind) {
    this.entry = entry;
    this.kind = kind;
    this.pending = true;
  }

  /** {@return the entry being looked at} */
  public final Object entry() {
    return entry;
  }

  /** {@return the kind of the entry being looked at} */
  public final byte kind() {
    return kind;
  }

  /**
   * Says that the nested stack {@link Frames#nested} returns was registered as a resource: it
   * unwinds with nothing in flight, and its outcome is a plain cleanup's.
   */
  public final void plain() {
    nestedPlain = true;
  }

  /**
   * Says that the nested stack {@link Frames#nested} returns was registered with a timeout: its
   * entries' stages get at most what is left of it.
   *
   * @param timeout the timeout
   */
  public final void timed(Duration timeout) {
    nestedTimeout = timeout;
  }

  /**
   * Where to go back to when a nested stack is drained, and how that stack was registered there
   * (the entry and kind {@link #abandonAll} puts back).
   */
  private static final class Frame {
    final @Nullable Object stack;
    final boolean owner;
    final boolean plain;
    final @Nullable Throwable inFlight;
    final @Nullable Deadline deadline;
    final @Nullable Frame next;
    final Object entry;
    final byte kind;

    Frame(
        @Nullable Object stack,
        boolean owner,
        boolean plain,
        @Nullable Throwable inFlight,
        @Nullable Deadline deadline,
        @Nullable Frame next,
        Object entry,
        byte kind) {
      this.stack = stack;
      this.owner = owner;
      this.plain = plain;
      this.inFlight = inFlight;
      this.deadline = deadline;
      this.next = next;
      this.entry = entry;
      this.kind = kind;
    }
  }
}
