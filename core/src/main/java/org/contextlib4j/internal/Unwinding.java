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
 * The sync driver (unwind, runEntry) runs each entry next() finds; the async driver
 * (AsyncUnwinding) also starts stages and waits for those that are not complete. Both apply
 * ExceptionRule to every outcome. Entries are popped from the live stacks, so a cleanup that
 * registers more gets them run in the same unwinding, and a re-entrant close leaves nothing here.
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
    Throwable inFlight = failure;
    Object flat = frames.flatStorage(root);
    int kind;
    while ((kind = frames.rootFlatTop(root)) >= 0) {
      Object entry = frames.popFlat(flat);
      if (!frames.isLeaf(entry, (byte) kind)) {
        Unwinding u = new Unwinding(frames, root, role == Frames.OWNER, inFlight);
        u.preset(entry, (byte) kind);
        return u.runAll();
      }
      inFlight = frames.run(entry, (byte) kind, inFlight, true);
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
        return true;
      }
      if (nested == Frames.SKIP) {
        continue;
      }
      int role = frames.begin(nested);
      if (role == Frames.DONE) {
        continue; // its close or exit would run nothing and change nothing
      }
      resume = new Frame(s, owner, nestedPlain, inFlight, deadline, resume);
      if (nestedPlain) {
        inFlight = null;
      }
      Duration timeout = nestedTimeout;
      if (timeout != null) {
        deadline = Deadline.earliest(deadline, Deadline.after(timeout, false));
      }
      stack = nested;
      owner = role == Frames.OWNER;
    }
  }

  /**
   * {@link Frames#flatTop} of the stack being drained, for the async driver: a kind if its newest
   * entry is a leaf that may be taken off with {@link #popFlat}, else {@link Frames#CURSOR} (go
   * through {@link #next}, which also leaves a drained nested stack). Looks at the entry before
   * taking it, unlike the sync driver's loop, so that the async loop stays small enough for C2 to
   * inline it and scalar-replace the unwinding of a flat stack (measured: taking first, then
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

  /** Gives up the close of every stack this unwinding owns: the machinery failed. */
  protected final void abandonAll() {
    Object s = stack;
    if (owner && s != null) {
      frames.abandon(s);
    }
    for (Frame f = resume; f != null; f = f.next) {
      Object fs = f.stack;
      if (f.owner && fs != null) {
        frames.abandon(fs);
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

  /** Where to go back to when a nested stack is drained. */
  private static final class Frame {
    final @Nullable Object stack;
    final boolean owner;
    final boolean plain;
    final @Nullable Throwable inFlight;
    final @Nullable Deadline deadline;
    final @Nullable Frame next;

    Frame(
        @Nullable Object stack,
        boolean owner,
        boolean plain,
        @Nullable Throwable inFlight,
        @Nullable Deadline deadline,
        @Nullable Frame next) {
      this.stack = stack;
      this.owner = owner;
      this.plain = plain;
      this.inFlight = inFlight;
      this.deadline = deadline;
      this.next = next;
    }
  }
}
