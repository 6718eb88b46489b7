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
package org.contextlib4j;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.contextlib4j.GeneratorContextManager.GeneratorExit;
import org.contextlib4j.internal.ExceptionRule;
import org.contextlib4j.internal.Leaks;
import org.contextlib4j.internal.Stages;
import org.jspecify.annotations.Nullable;

/*
 * Overview: Python's _AsyncGeneratorContextManager over CompletionStage.
 *
 * No thread is needed: the yield returns a stage, so the body "suspends" by waiting for it. The
 * manager keeps one pending "event" future that the body completes, either by yielding (Yielded)
 * or by finishing (its stage completes: Ended). enterAsync waits for the first event; exitAsync
 * completes the yield's stage (normally, or with the block's exception) and waits for the next.
 * A second yield after that is answered with GeneratorExit, which unwinds the body; the outcome
 * then follows the same function as the sync form (GeneratorContextManager.outcome). State changes
 * happen under this object's lock; nothing blocks while holding it, and futures are completed
 * outside it.
 *
 * Java cannot make a body wait, as Python's await does, so three mistakes are checked. A body that
 * returns null fails the enter with an NPE. A body whose stage completes while its yield's stage is
 * still pending (didNotWait) has not seen the block's outcome, so its end must not be read as
 * "returned after X was thrown in" (suppressing X): it fails the enter if the enter is still
 * pending, else the exit, with an IllegalStateException carrying X. A body that yields a second time
 * before the exit (yieldedTwice: it did not wait for the first yield's stage) is reported the same
 * way, but the library closes both yields itself, since neither can be the one the block resumes:
 * the enter, if still pending, closes them at once and fails once the body's stage has completed;
 * otherwise they stay pending until the exit, so that the body's teardown never overlaps the block,
 * and the exit closes them instead of resuming the first. A run that ends at the enter closes its
 * pending yields with GeneratorExit (closeRun), and every yield after the run is over (or the body's
 * stage has completed) is closed at once, so no stage the library handed out is left pending.
 */

/**
 * {@link Contexts#asyncContextManager}: a one-shot async manager whose enter and exit are one body.
 */
final class AsyncGeneratorContextManager<T extends @Nullable Object>
    implements AsyncInFlightExit<T>, AsyncYielder<T> {

  private enum State {
    NEW,
    ENTERED,
    EXITING,
    DONE
  }

  private record Yielded(@Nullable Object value) {}

  private record Ended(@Nullable Throwable failure) {}

  private static final String DID_NOT_WAIT =
      "the asyncContextManager body's stage completed while its yieldAsync stage was still"
          + " pending; a body must wait for (compose on) the stage yieldAsync returns";

  private static final String YIELDED_TWICE =
      "the asyncContextManager body called yieldAsync a second time before the block ended; a body"
          + " must yield exactly once and wait for that stage";

  private final AsyncGeneratorBody<T> body;

  // Guarded by this.
  private State state = State.NEW;
  private int yields;
  private boolean closing;
  private @Nullable Throwable thrownIn;
  private @Nullable Ended ended;

  /**
   * The body's stage completed while the stage of its (first) yield was still pending: it did not
   * wait for the with-block, so how it ended says nothing about the block's exception.
   */
  private boolean didNotWait;

  /**
   * The body called yieldAsync again before the exit started: it did not wait for its first yield's
   * stage. Its later yields' stages are in {@link #laterYields}; {@link #resume} stays the first's.
   */
  private boolean yieldedTwice;

  private CompletableFuture<Object> event = new CompletableFuture<>();
  private @Nullable CompletableFuture<@Nullable Void> resume;
  private final List<CompletableFuture<@Nullable Void>> laterYields = new ArrayList<>();

  AsyncGeneratorContextManager(AsyncGeneratorBody<T> body) {
    this.body = body;
    if (Leaks.enabled) {
      Leaks.track(
          this,
          "async generator-style context manager",
          "it was entered but not exited, so the rest of its body will never run",
          "Exit it after entering it (Contexts.withAsync does both), or enter it into an"
              + " AsyncExitStack that is closed");
    }
  }

  /** A fresh, unentered manager for the same body: Python's {@code _recreate_cm}. */
  AsyncGeneratorContextManager<T> recreate() {
    return new AsyncGeneratorContextManager<>(body);
  }

  @Override
  public CompletionStage<T> enterAsync() {
    CompletionStage<Object> first; // a stage: callbacks only, nothing to check on the result
    synchronized (this) {
      if (state != State.NEW) {
        return Stages.failed(
            new IllegalStateException(
                "async generator-style context manager already entered: it is one-shot; create a"
                    + " new one with Contexts.asyncContextManager(...) for each with-block, or use"
                    + " an async decorator, which does so for each call"));
      }
      state = State.ENTERED;
      first = event;
    }
    Call call = new Call(true);
    try {
      return enter(first, call);
    } finally {
      call.open = false;
    }
  }

  private CompletionStage<T> enter(CompletionStage<Object> first, Call call) {
    CompletionStage<?> run;
    try {
      run = body.run(this);
    } catch (Throwable t) {
      run = Stages.failed(t);
    }
    if (run == null) {
      return Stages.failed(
          closeRun(
              new NullPointerException(
                  "the asyncContextManager body returned null; it must return a"
                      + " CompletionStage")));
    }
    run.whenComplete((ignored, failure) -> end(failure == null ? null : Stages.unwrap(failure)));
    CompletableFuture<T> entered = new CompletableFuture<>();
    first.whenComplete(
        (e, never) -> {
          if (e instanceof Yielded yielded) {
            Ended early;
            boolean twice;
            synchronized (this) {
              twice = yieldedTwice;
              early = didNotWait ? ended : null;
            }
            if (twice) {
              // Detected before the block ran, so the enter reports it and the block never runs.
              failEnterAfterClosing(entered, call);
              return;
            }
            if (early != null) {
              // The body's stage completed before the enter, without waiting for the yield: the
              // block must not run. The yield is closed so that what waits for it runs.
              Throwable error = misuse(DID_NOT_WAIT, null, early.failure());
              keepInterrupt(null, early.failure(), error, call);
              entered.completeExceptionally(closeRun(error));
              return;
            }
            @SuppressWarnings("unchecked")
            T value = (T) yielded.value();
            if (Leaks.used) {
              Leaks.pending(this, true);
            }
            entered.complete(value);
          } else {
            synchronized (this) {
              state = State.DONE;
            }
            Throwable failure =
                GeneratorContextManager.outcome(this, 0, null, ((Ended) e).failure());
            entered.completeExceptionally(
                failure == null
                    ? GeneratorContextManager.bodyError(this, GeneratorContextManager.NO_YIELD)
                    : failure);
          }
        });
    return entered;
  }

  @Override
  public CompletionStage<@Nullable Throwable> exitInFlightAsync(@Nullable Throwable failure) {
    return exitInFlightAsync(failure, true);
  }

  /**
   * {@link #exitInFlightAsync(Throwable)} for a driver that knows whether this thread's interrupt
   * status may be set again at all: an async stack's unwinding that runs on a thread which merely
   * completed a stage passes false. With true, it is still set only during this call (see {@link
   * #keepInterrupt}).
   */
  CompletionStage<@Nullable Throwable> exitInFlightAsync(
      @Nullable Throwable failure, boolean resetInterrupt) {
    @Nullable CompletableFuture<@Nullable Void> toResume;
    @Nullable List<CompletableFuture<@Nullable Void>> toClose = null;
    CompletionStage<Object> next;
    synchronized (this) {
      if (state != State.ENTERED) {
        return CompletableFuture.completedFuture(
            ExceptionRule.exitThrew(
                failure,
                new IllegalStateException(
                    state == State.NEW
                        ? "async generator-style context manager exited before it was entered"
                        : "async generator-style context manager exited twice"),
                resetInterrupt));
      }
      state = State.EXITING;
      if (Leaks.used) {
        Leaks.pending(this, false);
      }
      thrownIn = failure;
      toResume = resume;
      if (yieldedTwice) {
        // Neither yield is resumed as the one the block ran in: all are closed, and the body's
        // further yields fail at once, so its next event is its end.
        closing = true;
        toClose = pendingYields();
        toResume = null;
      }
      next = nextEvent();
    }
    Call call = new Call(resetInterrupt);
    try {
      return exit(failure, toResume, toClose, next, call);
    } finally {
      call.open = false;
    }
  }

  private CompletionStage<@Nullable Throwable> exit(
      @Nullable Throwable failure,
      @Nullable CompletableFuture<@Nullable Void> toResume,
      @Nullable List<CompletableFuture<@Nullable Void>> toClose,
      CompletionStage<Object> next,
      Call call) {
    CompletableFuture<@Nullable Throwable> out = new CompletableFuture<>();
    next.whenComplete(
        (e, never) -> {
          if (e instanceof Yielded) {
            // It yielded again: close it (its later yields fail at once) and wait for its end.
            CompletableFuture<@Nullable Void> again;
            CompletionStage<Object> last;
            synchronized (this) {
              closing = true;
              again = resume;
              last = nextEvent();
            }
            last.whenComplete((end, n) -> finish((Ended) end, out, call));
            if (again != null) {
              again.completeExceptionally(GeneratorExit.INSTANCE);
            }
          } else {
            finish((Ended) e, out, call);
          }
        });
    if (toClose != null) {
      close(toClose);
    } else if (toResume != null) {
      if (failure == null) {
        toResume.complete(null);
      } else {
        toResume.completeExceptionally(failure);
      }
    }
    return out;
  }

  /** The yield point handed to the body. */
  @Override
  public CompletionStage<@Nullable Void> yieldAsync(T value) {
    CompletableFuture<Object> current;
    CompletableFuture<@Nullable Void> stage;
    synchronized (this) {
      yields++;
      if (state == State.DONE || ended != null) {
        // The run (or the body's stage) is over: the AsyncYielder was kept beyond the body; the
        // user sees what went wrong, not the internal GeneratorExit.
        return Stages.failed(GeneratorContextManager.finishedError(this));
      }
      if (closing) {
        return Stages.failed(GeneratorExit.INSTANCE); // closed: nothing would resume it
      }
      stage = new CompletableFuture<>();
      if (state == State.ENTERED && resume != null) {
        // A second yield before the exit: the first must not be replaced (it would never
        // complete). Both wait until the enter or the exit reports the misuse and closes them.
        yieldedTwice = true;
        laterYields.add(stage);
        return stage;
      }
      resume = stage;
      current = event;
    }
    current.complete(new Yielded(value));
    return stage;
  }

  /**
   * The enter fails with {@code failure}, found after the body may have yielded: the run is over. A
   * yield whose stage is pending is closed as a second yield is (GeneratorExit), so that what waits
   * for it runs instead of hanging; later yields get a closed stage at once.
   */
  private Throwable closeRun(Throwable failure) {
    List<CompletableFuture<@Nullable Void>> pending;
    synchronized (this) {
      state = State.DONE;
      pending = pendingYields();
    }
    close(pending);
    return failure;
  }

  /**
   * The body yielded twice before the enter completed: closes every yield, and fails {@code
   * entered} once the body's stage has completed, so that its teardown has run and its own failure
   * can be attached.
   */
  private void failEnterAfterClosing(CompletableFuture<T> entered, Call call) {
    List<CompletableFuture<@Nullable Void>> pending;
    CompletionStage<Object> last;
    synchronized (this) {
      state = State.DONE;
      closing = true; // its further yields fail at once: the next event is its end
      pending = pendingYields();
      last = nextEvent();
    }
    last.whenComplete(
        (end, never) -> {
          Throwable bodyFailure = ((Ended) end).failure();
          Throwable error = misuse(YIELDED_TWICE, null, bodyFailure);
          keepInterrupt(null, bodyFailure, error, call);
          entered.completeExceptionally(error);
        });
    close(pending);
  }

  /** Under the lock: the stages of every yield so far, first to last. */
  private List<CompletableFuture<@Nullable Void>> pendingYields() {
    List<CompletableFuture<@Nullable Void>> pending = new ArrayList<>(laterYields.size() + 1);
    if (resume != null) {
      pending.add(resume);
    }
    pending.addAll(laterYields);
    laterYields.clear();
    return pending;
  }

  /** Outside the lock: fails each stage with the close signal (a no-op for one already done). */
  private static void close(List<CompletableFuture<@Nullable Void>> stages) {
    for (CompletableFuture<@Nullable Void> stage : stages) {
      stage.completeExceptionally(GeneratorExit.INSTANCE);
    }
  }

  /** The body's stage completed: its end is the next event, now or when someone waits for it. */
  private void end(@Nullable Throwable failure) {
    CompletableFuture<Object> current;
    Ended e = new Ended(failure);
    synchronized (this) {
      ended = e;
      // The exit completes the yield's stage before anything composed on it runs, so a body that
      // waits for it ends only after it is done.
      CompletableFuture<@Nullable Void> r = resume;
      didNotWait = yields == 1 && r != null && !r.isDone();
      current = event;
    }
    current.complete(e);
  }

  /** Under the lock: a fresh event future, already completed if the body has ended. */
  private CompletableFuture<Object> nextEvent() {
    event = new CompletableFuture<>();
    if (ended != null) {
      event.complete(ended);
    }
    return event;
  }

  /** The run ended with {@code e}: completes {@code out} with the exception in flight after it. */
  private void finish(Ended e, CompletableFuture<@Nullable Throwable> out, Call call) {
    int count;
    Throwable thrown;
    boolean notWaited;
    boolean twice;
    synchronized (this) {
      state = State.DONE;
      count = yields;
      thrown = thrownIn;
      notWaited = didNotWait;
      twice = yieldedTwice;
    }
    // Unlike the "body returned after X was thrown in" reading, which would suppress X. (The two
    // misuses exclude each other: after the body's stage has completed, a yield is closed at once.)
    Throwable result =
        twice
            ? misuse(YIELDED_TWICE, thrown, e.failure())
            : notWaited
                ? misuse(DID_NOT_WAIT, thrown, e.failure())
                : GeneratorContextManager.outcome(this, count, thrown, e.failure());
    keepInterrupt(thrown, e.failure(), result, call);
    out.complete(result);
  }

  /**
   * Sets the interrupt status again if an InterruptedException stopped propagating in this outcome
   * (see GeneratorContextManager.stopsInterrupt), but only while {@code call} is running, on its
   * thread: the thread that called exitAsync (or enterAsync), before the call returns. A thread
   * that decides the outcome later completed a stage the body waited for; interrupting it, or the
   * caller, which has moved on, would hit unrelated code.
   */
  private static void keepInterrupt(
      @Nullable Throwable thrownIn, @Nullable Throwable ended, @Nullable Throwable out, Call call) {
    if (GeneratorContextManager.stopsInterrupt(thrownIn, ended, out) && call.here()) {
      Thread.currentThread().interrupt();
    }
  }

  /** One call of enterAsync or exitInFlightAsync, while it runs. */
  private static final class Call {
    private final Thread thread = Thread.currentThread();

    /** Read and written on {@link #thread} only; false from the start if its driver said so. */
    boolean open;

    Call(boolean resetInterrupt) {
      open = resetInterrupt;
    }

    /** {@return whether this runs during the call, on its thread} */
    boolean here() {
      return Thread.currentThread() == thread && open;
    }
  }

  /**
   * The error for a body that did not wait for its yield's stage ({@link #DID_NOT_WAIT}, {@link
   * #YIELDED_TWICE}), with the block's exception and the body's own failure attached. It is new, so
   * attaching to it makes no cycle; it is made directly rather than through ExceptionRule, which
   * would also set the interrupt status of whichever thread completed the body's stage.
   */
  private static IllegalStateException misuse(
      String message, @Nullable Throwable block, @Nullable Throwable bodyFailure) {
    IllegalStateException error = new IllegalStateException(message);
    if (block != null) {
      error.addSuppressed(block);
    }
    if (bodyFailure != null && bodyFailure != block && bodyFailure != GeneratorExit.INSTANCE) {
      error.addSuppressed(bodyFailure);
    }
    return error;
  }

  @Override
  public String toString() {
    return "asyncContextManager(" + body + ")";
  }
}
