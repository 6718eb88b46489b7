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

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * The async driver of the unwind engine: the cursor of {@link Unwinding}, with a synchronous entry
 * run as the sync driver runs it, and an async entry's stage awaited by registering this object as
 * its completion callback. If the stage is already complete, the callback runs inside {@code
 * whenComplete} and only records the result, and the loop goes on here: no recursion, whatever the
 * number of entries (the {@code state} handshake decides which thread continues).
 *
 * <p>The interrupt status is re-set (by the exception rule) only until the unwinding first waits
 * for a stage: until then it runs on the thread that started it, inside that call; after that it
 * runs on whichever thread completed a stage, which must not be interrupted for it.
 */
public abstract class AsyncUnwinding extends Unwinding
    implements BiConsumer<@Nullable Object, @Nullable Throwable> {
  private static final VarHandle STATE;

  static {
    try {
      STATE = MethodHandles.lookup().findVarHandle(AsyncUnwinding.class, "state", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private static final int IDLE = 0;
  private static final int REGISTERING = 1;
  private static final int COMPLETED_INLINE = 2;
  private static final int WAITING = 3;

  private final Frames frames;

  @SuppressWarnings("UnusedVariable") // read and written through STATE
  private volatile int state = IDLE;

  private @Nullable Object pending; // the async entry whose stage is awaited
  private byte pendingKind;
  private @Nullable TimeoutException timedOut; // set instead of an outcome when the wait expired

  /** The thread that started the unwinding, if its interrupt status may be re-set; or null. */
  private final @Nullable Thread caller;

  /**
   * Set by {@link #caller} when the unwinding first waited for a stage: from then on it runs on
   * whichever thread completes one. Read only by {@link #caller} (see {@link #onCaller}).
   */
  private boolean callerLeft;

  /**
   * A new async unwinding of {@code stack}.
   *
   * @param frames the protocol
   * @param stack the root stack
   * @param failure the exception in flight at the start, or null
   * @param deadline the deadline of the whole unwinding, or null
   * @param inCall whether it starts inside a call on the thread that runs the block, whose
   *     interrupt status the rule may then re-set; false when it starts in a callback of a stage
   *     (on a thread that merely completed it)
   */
  protected AsyncUnwinding(
      Frames frames,
      Object stack,
      @Nullable Throwable failure,
      @Nullable Deadline deadline,
      boolean inCall) {
    super(frames, stack, false, failure);
    this.frames = frames;
    this.deadline = deadline;
    this.caller = inCall ? Thread.currentThread() : null;
  }

  /** Runs {@link #loop} and, if it finished, completes the caller's stage; called again later. */
  protected abstract void drive();

  /** {@return the exception in flight} */
  protected final @Nullable Throwable inFlight() {
    return inFlight;
  }

  @Override
  final boolean resetsInterrupt() {
    return onCaller();
  }

  /**
   * Whether this runs on the thread that started the unwinding, inside that call: the one thread
   * whose interrupt status the exception rule may re-set. Another thread never reads {@link
   * #callerLeft}: the thread test comes first.
   */
  private boolean onCaller() {
    return Thread.currentThread() == caller && !callerLeft;
  }

  /**
   * Runs entries until every stack is drained (true) or a stage is pending (false: the unwinding
   * resumes in {@link #accept}, on the thread that completes it).
   *
   * @return whether the unwinding finished
   */
  protected final boolean loop() {
    boolean roomy = false; // see roomForCursor
    while (true) {
      Object e;
      byte k;
      int flat = flatTop();
      if (flat >= 0) { // the common case: a leaf of a flat stack, taken without the cursor
        k = (byte) flat;
        e = popFlat();
      } else {
        if (endedFlat()) {
          return true;
        }
        if (!roomy) {
          roomy = true;
          roomForCursor();
        }
        if (!next()) {
          return true;
        }
        e = entry;
        k = kind;
      }
      if (!frames.isAsync(k)) {
        inFlight = frames.run(e, k, inFlight, onCaller()); // the sync driver's own step
        continue;
      }
      // One fold for the three outcomes (start threw, the stage had failed, it had succeeded):
      // each fold site costs compiled code, and this loop must stay under C2's InlineSmallCode
      // to be inlined into the drive (measured: at 2,720 B it was not, and this object was then
      // allocated for a one-entry stack; docs/benchmarks.md).
      CompletionStage<?> stage = null;
      Throwable failure = null;
      try {
        stage = frames.start(e, k, inFlight, onCaller());
      } catch (Throwable t) {
        failure = t;
      }
      Object value = null;
      if (stage != null) {
        // Already complete (the common case for sync-looking async code): read the outcome
        // directly, without a callback or the handshake. Exact class only: subclasses such as
        // minimalCompletionStage() refuse getNow(). Measured: 2.6x faster at 16 entries.
        if (stage.getClass() != CompletableFuture.class
            || !((CompletableFuture<?>) stage).isDone()) {
          if (awaits(e, k, stage)) {
            if (Thread.currentThread() == caller) {
              callerLeft = true;
            }
            return false;
          }
          continue; // completed during whenComplete: accept has recorded the result
        }
        CompletableFuture<?> done = (CompletableFuture<?>) stage;
        if (done.isCompletedExceptionally()) {
          failure = Stages.unwrap(Stages.failureOf(done));
        } else {
          value = done.getNow(null);
        }
      }
      inFlight = frames.fold(e, k, inFlight, value, failure, onCaller());
    }
  }

  /**
   * Waits for {@code stage}: true if the unwinding is suspended until it completes, false if it
   * completed meanwhile (its outcome is recorded; the loop goes on). Kept out of {@link #loop}: a
   * larger loop is not inlined into the drive, and then this object is allocated even for completed
   * stages (measured: 27 to 40 ns per close of one entry).
   */
  private boolean awaits(Object entry, byte kind, CompletionStage<?> stage) {
    pending = entry;
    pendingKind = kind;
    state = REGISTERING;
    Duration own = frames.timeoutOf(entry);
    if (own == null && deadline == null) {
      stage.whenComplete(this);
    } else {
      waitAtMost(stage, own);
    }
    return STATE.compareAndSet(this, REGISTERING, WAITING);
  }

  /** Called by a {@link TimedWait} whose timer won: resume as if the stage had failed so. */
  final void expired(TimeoutException timeout) {
    timedOut = timeout;
    accept(null, null);
  }

  /**
   * Waits for {@code stage} as {@code whenComplete(this)} does, but for at most the shorter of the
   * entry's own timeout and what is left of the deadline: whichever of the stage and the timer
   * comes first resumes the unwinding, once. A failure that arrives after the timeout is attached
   * to the {@link TimeoutException}, so it is not lost.
   */
  private void waitAtMost(CompletionStage<?> stage, @Nullable Duration own) {
    long limit = Long.MAX_VALUE;
    String within = "";
    if (own != null) {
      limit = Deadline.nanos(own);
      within = "its timeout of " + own;
    }
    Deadline d = deadline;
    if (d != null) {
      long left = Math.max(0, d.remaining());
      if (left < limit) {
        limit = left;
        within = d.describe();
      }
    }
    Object entry = pending;
    boolean reportsInFlight = entry != null && frames.reportsInFlight(entry, pendingKind);
    TimedWait wait =
        new TimedWait(
            this,
            reportsInFlight,
            inFlight,
            new TimeoutException(
                "a cleanup stage did not complete within "
                    + within
                    + "; unwinding went on without it"));
    stage.whenComplete(wait);
    if (limit == 0) {
      wait.run();
    } else if (!wait.isDecided()) {
      wait.startTimer(limit);
    }
  }

  /** The awaited stage completed (or its wait expired): fold its outcome, and go on. */
  @Override
  public final void accept(@Nullable Object value, @Nullable Throwable failure) {
    Object e = Throwables.checkNotNull(pending, "pending entry");
    pending = null;
    boolean reset = onCaller();
    TimeoutException timeout = timedOut;
    if (timeout != null) {
      timedOut = null;
      inFlight = ExceptionRule.cleanupThrew(inFlight, timeout, reset); // a plain cleanup's failure
    } else {
      inFlight =
          frames.fold(
              e,
              pendingKind,
              inFlight,
              value,
              failure == null ? null : Stages.unwrap(failure),
              reset);
    }
    if (STATE.compareAndSet(this, REGISTERING, COMPLETED_INLINE)) {
      return;
    }
    drive();
  }

  /** One timed wait: the stage's completion and the timer race; the first one resumes the loop. */
  private static final class TimedWait
      implements BiConsumer<@Nullable Object, @Nullable Throwable>, Runnable {
    private static final VarHandle DECIDED;

    static {
      try {
        DECIDED = MethodHandles.lookup().findVarHandle(TimedWait.class, "decided", boolean.class);
      } catch (ReflectiveOperationException e) {
        throw new ExceptionInInitializerError(e);
      }
    }

    private final AsyncUnwinding unwind;
    private final TimeoutException timeout;

    @SuppressWarnings("UnusedVariable") // read and written through DECIDED
    private volatile boolean decided;

    /**
     * Completes with {@code true} when the time is up, or with {@code false} when the stage came
     * first: completing it normally cancels the JDK's scheduled task, so a long timeout does not
     * keep the unwinding (and the stack) reachable until it would have expired.
     */
    private volatile @Nullable CompletableFuture<Boolean> timer;

    /** Whether the stage completes with the exception in flight after the exit, as a value. */
    private final boolean reportsInFlight;

    /** The exception in flight the awaited exit was given, if any. */
    private final @Nullable Throwable given;

    TimedWait(
        AsyncUnwinding unwind,
        boolean reportsInFlight,
        @Nullable Throwable given,
        TimeoutException timeout) {
      this.unwind = unwind;
      this.reportsInFlight = reportsInFlight;
      this.given = given;
      this.timeout = timeout;
    }

    boolean isDecided() {
      return decided;
    }

    void startTimer(long nanos) {
      CompletableFuture<Boolean> t = new CompletableFuture<>();
      timer = t;
      var unused =
          t.completeOnTimeout(Boolean.TRUE, nanos, TimeUnit.NANOSECONDS)
              .thenAccept(
                  expired -> {
                    if (expired) {
                      ASYNC.execute(this);
                    }
                  });
      if (decided) {
        t.complete(Boolean.FALSE); // the stage completed meanwhile
      }
    }

    @Override
    public void accept(@Nullable Object value, @Nullable Throwable failure) {
      if (DECIDED.compareAndSet(this, false, true)) {
        CompletableFuture<Boolean> t = timer;
        if (t != null) {
          t.complete(Boolean.FALSE);
        }
        unwind.accept(value, failure);
      } else {
        // Late, but not lost. An exit that reports the exception in flight after it failed if it
        // reports a new one; the one it was given is propagating already.
        Throwable late =
            failure != null
                ? Stages.unwrap(failure)
                : reportsInFlight && value instanceof Throwable t && t != given ? t : null;
        if (late != null) {
          ExceptionRule.attachLate(timeout, late);
        }
      }
    }

    @Override
    public void run() {
      if (DECIDED.compareAndSet(this, false, true)) {
        unwind.expired(timeout);
      }
    }
  }

  /** Where an unwinding resumes after a timeout: not on the JDK's single timer thread. */
  public static final Executor ASYNC = new CompletableFuture<@Nullable Void>().defaultExecutor();
}
