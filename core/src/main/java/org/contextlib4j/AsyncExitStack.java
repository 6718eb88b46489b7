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

import static org.contextlib4j.internal.Throwables.checkNotNull;
import static org.contextlib4j.internal.Throwables.sneakyThrow;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import org.contextlib4j.internal.ExceptionRule;
import org.contextlib4j.internal.Stages;
import org.jspecify.annotations.Nullable;

/**
 * A dynamic stack of synchronous and asynchronous cleanups, unwound strictly in reverse order of
 * registration, each asynchronous exit finished before the next one starts: Python's {@code
 * AsyncExitStack}, over {@link CompletionStage}.
 *
 * <pre>{@code
 * AsyncExitStack stack = new AsyncExitStack();
 * Contexts.withAsync(stack, s ->
 *     s.enterAsyncContext(pool.leaseAsync())
 *         .thenCompose(connection -> {
 *           s.pushAsyncCallback(() -> audit.flushAsync());
 *           s.register(Files.newBufferedWriter(report));   // synchronous entries too
 *           return connection.queryAsync(sql);
 *         }));
 * }</pre>
 *
 * <p>Besides every registration method of {@link ExitStack} (synchronous managers, exits, callbacks
 * and {@link AutoCloseable}s), it takes {@link #enterAsyncContext}, {@link
 * #pushAsyncExit(AsyncExitHandler)} and {@link #pushAsyncCallback}.
 *
 * <h2 id="exceptions">Exception semantics</h2>
 *
 * <p>Exactly those of {@link ExitStack} (see its <a href="ExitStack.html#exceptions">exception
 * semantics</a>), decided by the same code: each cleanup's result goes through the same rule, and
 * synchronous entries run through the same step as in {@link ExitStack}. Only the driver differs:
 * when an entry's stage is not complete yet, unwinding resumes on the thread that completes it.
 * What this class adds:
 *
 * <ul>
 *   <li>{@link #closeAsync()} and {@link #closeAsync(Throwable)} never throw: every failure comes
 *       through the returned stage, completed exceptionally with the exception itself.
 *   <li>A stage completed exceptionally with a {@link java.util.concurrent.CompletionException} is
 *       read as its cause: exceptions propagate as the same instance.
 *   <li>A cancelled stage is a stage failed with {@link
 *       java.util.concurrent.CancellationException}: the exits after it see that exception in
 *       flight, like any other.
 *   <li>Unwinding is a loop that waits only for stages that are not complete yet: a million
 *       completed, late or mixed stages unwind without {@link StackOverflowError}.
 * </ul>
 *
 * <p>Null arguments throw {@link NullPointerException} at once, as {@link CompletableFuture} does.
 *
 * <h2 id="deadlines">Cleanup deadlines</h2>
 *
 * <p>{@link #closeAsync(Duration)} bounds how long the whole unwinding waits for stages; {@link
 * #pushAsyncExit(AsyncExitHandler, Duration)}, {@link #pushAsyncExit(AsyncContextManager,
 * Duration)} and {@link #pushAsyncCallback(AsyncCleanupAction, Duration)} bound one entry's stage.
 * When a stage has not completed in time (the shorter of the two applies):
 *
 * <ul>
 *   <li>a {@link TimeoutException} saying which limit passed counts as the failure of a plain
 *       cleanup: it is attached to the exception in flight, or becomes the exception in flight if
 *       there is none, and unwinding goes on at once with the next cleanup, on a thread of {@link
 *       CompletableFuture}'s default executor (not on the JDK's single timer thread);
 *   <li>the stage is not cancelled ({@code CompletionStage} has no such operation; a cleanup that
 *       must stop should observe a timeout of its own). If it fails later, that failure is attached
 *       to the {@code TimeoutException}, so it is not lost (for a nested stack or a generator-style
 *       manager, whose exit reports the exception in flight after it: a new exception it reports
 *       later). The one exception: a late failure that already holds the exception in flight is not
 *       attached, as that would make a cycle (the timeout is attached to that exception). It holds
 *       it if it has it as its cause, or if a nested stack's exit replaced it late: the exception
 *       rule attaches it to the replacement. An exit that completes later can no longer suppress or
 *       replace anything;
 *   <li>once the deadline has passed, every remaining cleanup is still started, in order: a stage
 *       that is already complete counts as usual, one that is not times out at once.
 * </ul>
 *
 * <p>Synchronous cleanups are not timed: they run on the unwinding thread until they return. A
 * negative or zero timeout means "do not wait". With no timeout at all, nothing is scheduled and
 * nothing is allocated for timing.
 *
 * <h2 id="threads">Threads</h2>
 *
 * <p>Exits may complete on any thread; the next step of unwinding runs on the thread that completed
 * the previous stage. Each step's actions happen-before the next step's, and all of them
 * happen-before the completion of the stage returned by {@code closeAsync}. Registration is not
 * thread-safe: register from one thread at a time, and not while the stack unwinds (except from its
 * own cleanups, which run in order). A second {@code closeAsync()} while one is running runs
 * nothing and returns a stage that completes normally when the first one has finished (a second
 * {@code closeAsync(failure)} or {@code exitAsync(failure)} then fails with, or reports, {@code
 * failure} as still in flight: nothing ran that could have suppressed it). A second {@code
 * closeAsync(Duration)} waits at most until its own deadline, then ends with a {@link
 * TimeoutException} (attached to its failure, if it has one). After that, the stack is empty and
 * can be used again.
 *
 * <p>A {@code closeAsync()} called by one of the stack's own cleanups while it unwinds (a
 * re-entrant close) does not wait for the running close, which would wait for itself: it unwinds
 * the remaining cleanups at once, as Python's does. A cleanup that starts one should return or wait
 * for its stage: if it drops it, the outer close may complete before the cleanups the re-entrant
 * one runs. A close is recognized as re-entrant only while it is called on the thread that runs the
 * cleanup, before the cleanup returns: a cleanup whose stage calls {@code closeAsync()} later, in a
 * continuation (after an I/O stage completes, say), is taken for a second close and waits for the
 * running close, which waits for that stage: neither completes. Close from the cleanup's own
 * thread, or bound that wait with {@code closeAsync(Duration)}.
 *
 * <p>A stack registered in another ({@code pushAsyncExit(nested)}) is unwound in place by the outer
 * unwinding, unless its own close is running then (the outer one then waits for it, as a second
 * close does). While the outer unwinding drains it, the nested stack is not marked as closing: a
 * {@code closeAsync()} of the nested stack from elsewhere at that moment unwinds it too. Close a
 * nested stack through the stack that holds it.
 *
 * <p>Python: {@code contextlib.AsyncExitStack}.
 *
 * @since 0.1.0
 */
public final class AsyncExitStack extends AbstractExitStack
    implements AsyncInFlightExit<AsyncExitStack> {

  /** The result of the close that is running, if any (a second close waits for it). */
  private volatile @Nullable CompletableFuture<?> closing;

  private static final VarHandle CLOSING;
  private static final VarHandle DRIVING;
  private static final VarHandle STATE;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      CLOSING = lookup.findVarHandle(AsyncExitStack.class, "closing", CompletableFuture.class);
      DRIVING = lookup.findVarHandle(AsyncExitStack.class, "driving", Thread.class);
      STATE = lookup.findVarHandle(Unwind.class, "state", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** The thread running the unwinding loop right now, if any: detects a re-entrant close. */
  private volatile @Nullable Thread driving;

  /** Creates an empty stack. */
  public AsyncExitStack() {}

  /**
   * {@return a completed stage holding this stack}
   *
   * <p>Python: {@code AsyncExitStack.__aenter__}.
   */
  @Override
  public CompletionStage<AsyncExitStack> enterAsync() {
    return CompletableFuture.completedFuture(this);
  }

  /**
   * Enters {@code manager} and, once its enter stage succeeds, registers its exit.
   *
   * <p>If the enter stage fails (or {@code enterAsync} throws), nothing is registered and the
   * returned stage fails with the same exception. Wait for the returned stage before registering
   * anything else.
   *
   * <p>Python: {@code AsyncExitStack.enter_async_context}.
   *
   * @param manager the manager to enter
   * @param <T> the type of value the manager's enter completes with
   * @return a stage completing with what the enter stage completed with
   */
  public <T extends @Nullable Object> CompletionStage<T> enterAsyncContext(
      AsyncContextManager<T> manager) {
    checkNotNull(manager, "manager");
    CompletableFuture<T> entered = new CompletableFuture<>();
    CompletionStage<T> enter;
    try {
      enter = checkNotNull(manager.enterAsync(), "the stage returned by enterAsync()");
    } catch (Throwable t) {
      entered.completeExceptionally(t);
      return entered;
    }
    enter.whenComplete(
        (value, failure) -> {
          if (failure != null) {
            entered.completeExceptionally(Stages.unwrap(failure));
          } else {
            add(manager, ASYNC_MANAGER);
            entered.complete(value);
          }
        });
    return entered;
  }

  /**
   * Registers an asynchronous exception-aware exit.
   *
   * <p>Python: {@code AsyncExitStack.push_async_exit} given a coroutine function.
   *
   * @param handler the exit to run when the stack unwinds
   * @return {@code handler}
   */
  public AsyncExitHandler pushAsyncExit(AsyncExitHandler handler) {
    add(checkNotNull(handler, "handler"), ASYNC_HANDLER);
    return handler;
  }

  /**
   * Registers the exit of {@code manager} without entering it.
   *
   * <p>Python: {@code AsyncExitStack.push_async_exit} given an asynchronous context manager.
   *
   * @param manager the manager whose {@link AsyncContextManager#exitAsync} runs when the stack
   *     unwinds
   * @param <T> the type of value the manager's enter completes with
   * @return {@code manager}
   */
  public <T extends @Nullable Object> AsyncContextManager<T> pushAsyncExit(
      AsyncContextManager<T> manager) {
    add(checkNotNull(manager, "manager"), ASYNC_MANAGER);
    return manager;
  }

  /**
   * Registers an asynchronous plain cleanup. It cannot suppress anything; if it fails, see rule 4
   * of {@link ExitStack}'s exception semantics.
   *
   * <p>Python: {@code AsyncExitStack.push_async_callback}. Unlike Python, a failing callback does
   * not replace the exception in flight.
   *
   * @param action the cleanup to run
   * @return {@code action}
   */
  public AsyncCleanupAction pushAsyncCallback(AsyncCleanupAction action) {
    add(checkNotNull(action, "action"), ASYNC_ACTION);
    return action;
  }

  /**
   * Registers an asynchronous exception-aware exit whose stage gets at most {@code timeout} to
   * complete; see <a href="#deadlines">cleanup deadlines</a>.
   *
   * @param handler the exit to run when the stack unwinds
   * @param timeout how long the unwinding waits for its stage
   * @return {@code handler}
   */
  public AsyncExitHandler pushAsyncExit(AsyncExitHandler handler, Duration timeout) {
    checkNotNull(handler, "handler");
    add(new Timed(handler, nanos(timeout), timeout), ASYNC_HANDLER);
    return handler;
  }

  /**
   * Registers the exit of {@code manager} without entering it, with at most {@code timeout} for its
   * stage to complete; see <a href="#deadlines">cleanup deadlines</a>.
   *
   * @param manager the manager whose {@link AsyncContextManager#exitAsync} runs when the stack
   *     unwinds
   * @param timeout how long the unwinding waits for its stage
   * @param <T> the type of value the manager's enter completes with
   * @return {@code manager}
   */
  public <T extends @Nullable Object> AsyncContextManager<T> pushAsyncExit(
      AsyncContextManager<T> manager, Duration timeout) {
    checkNotNull(manager, "manager");
    long nanos = nanos(timeout);
    add(
        manager instanceof AsyncInFlightExit<?> exit
            ? new TimedInFlight(exit, nanos, timeout)
            : new Timed(manager, nanos, timeout),
        ASYNC_MANAGER);
    return manager;
  }

  /**
   * Registers an asynchronous plain cleanup whose stage gets at most {@code timeout} to complete;
   * see <a href="#deadlines">cleanup deadlines</a>.
   *
   * @param action the cleanup to run
   * @param timeout how long the unwinding waits for its stage
   * @return {@code action}
   */
  public AsyncCleanupAction pushAsyncCallback(AsyncCleanupAction action, Duration timeout) {
    checkNotNull(action, "action");
    add(new Timed(action, nanos(timeout), timeout), ASYNC_ACTION);
    return action;
  }

  /**
   * An async entry with a timeout of its own. It is registered with its entry's kind and stands in
   * for it, so the unwinding loop treats it as any other entry; only the wait for a stage that is
   * not complete yet ({@link Unwind#awaits}) looks for it. Keeping it out of the loop matters: a
   * larger loop is no longer inlined by C2, and the driver is then allocated for every close
   * (measured). Its stage is the entry's own, unchanged, so a failure that arrives after the
   * timeout is that failure itself.
   */
  private static class Timed
      implements AsyncCleanupAction, AsyncExitHandler, AsyncContextManager<@Nullable Object> {
    final Object entry;
    final long nanos;
    final Duration timeout;

    Timed(Object entry, long nanos, Duration timeout) {
      this.entry = entry;
      this.nanos = nanos;
      this.timeout = timeout;
    }

    @Override
    public CompletionStage<?> runAsync() throws Exception {
      return ((AsyncCleanupAction) entry).runAsync();
    }

    /** The handler's or the manager's exit, as registered (what it throws reaches the loop). */
    @Override
    public CompletionStage<Boolean> exitAsync(@Nullable Throwable failure) {
      try {
        return entry instanceof AsyncExitHandler handler
            ? handler.exitAsync(failure)
            : ((AsyncContextManager<?>) entry).exitAsync(failure);
      } catch (Exception e) {
        throw sneakyThrow(e);
      }
    }

    @Override
    public CompletionStage<@Nullable Object> enterAsync() {
      throw new UnsupportedOperationException("registered exit: not entered by the stack");
    }
  }

  /**
   * A timed nested stack or generator-style manager: its stage reports the exception in flight
   * after it, taken as is, as the loop takes the entry's own.
   */
  private static final class TimedInFlight extends Timed
      implements AsyncInFlightExit<@Nullable Object> {
    TimedInFlight(AsyncInFlightExit<?> entry, long nanos, Duration timeout) {
      super(entry, nanos, timeout);
    }

    @Override
    public CompletionStage<@Nullable Throwable> exitInFlightAsync(@Nullable Throwable inFlight) {
      return ((AsyncInFlightExit<?>) entry).exitInFlightAsync(inFlight);
    }

    @Override
    public CompletionStage<Boolean> exitAsync(@Nullable Throwable failure) {
      return Stages.report(failure, exitInFlightAsync(failure));
    }
  }

  /** {@code timeout} in nanoseconds, saturated; at least 0 (a past deadline: do not wait). */
  private static long nanos(Duration timeout) {
    checkNotNull(timeout, "timeout");
    if (timeout.isNegative()) {
      return 0;
    }
    try {
      return timeout.toNanos();
    } catch (ArithmeticException tooLong) {
      return Long.MAX_VALUE;
    }
  }

  /**
   * Moves every registration to a new stack, in one step, and leaves this one empty and usable.
   *
   * <p>Python: {@code AsyncExitStack.pop_all}.
   *
   * @return a new stack that owns every cleanup this one had
   */
  public AsyncExitStack popAll() {
    AsyncExitStack moved = new AsyncExitStack();
    moveTo(moved);
    return moved;
  }

  /**
   * Unwinds the stack with no exception in flight.
   *
   * <p>Python: {@code AsyncExitStack.aclose}.
   *
   * @return a stage completing when every cleanup has run: normally, or exceptionally with what is
   *     in flight at the end
   */
  public CompletionStage<@Nullable Void> closeAsync() {
    return unwindAsync(null, CLOSE, null);
  }

  /**
   * Unwinds the stack with no exception in flight, waiting at most {@code timeout} in all for the
   * cleanups' stages; see <a href="#deadlines">cleanup deadlines</a>.
   *
   * <pre>{@code
   * stack.closeAsync(Duration.ofSeconds(5));   // a hung close() of a pool cannot hang shutdown
   * }</pre>
   *
   * @param timeout the time the whole unwinding may wait for stages
   * @return a stage completing when every cleanup has run or timed out: normally, or exceptionally
   *     with what is in flight at the end
   */
  public CompletionStage<@Nullable Void> closeAsync(Duration timeout) {
    return unwindAsync(null, CLOSE, Deadline.after(timeout));
  }

  /**
   * Unwinds the stack as if {@code failure} were in flight, waiting at most {@code timeout} in all
   * for the cleanups' stages; see <a href="#deadlines">cleanup deadlines</a>.
   *
   * @param failure the exception the exits see
   * @param timeout the time the whole unwinding may wait for stages
   * @return as {@link #closeAsync(Throwable)}
   */
  public CompletionStage<@Nullable Void> closeAsync(Throwable failure, Duration timeout) {
    checkNotNull(failure, "failure");
    return unwindAsync(failure, CLOSE, Deadline.after(timeout));
  }

  /** The end of a {@code closeAsync(Duration)}, in {@link System#nanoTime()}. */
  private record Deadline(long at, Duration timeout) {
    static Deadline after(Duration timeout) {
      // nanoTime values are compared by difference, so the sum may wrap: remaining() is still
      // nanos minus the time elapsed.
      return new Deadline(System.nanoTime() + nanos(timeout), timeout);
    }

    long remaining() {
      return at - System.nanoTime();
    }
  }

  /**
   * Unwinds the stack as if {@code failure} were in flight.
   *
   * <p>Python: {@code AsyncExitStack.aclose(exc)}, proposed in CPython issue 137732.
   *
   * @param failure the exception the exits see
   * @return a stage completing when every cleanup has run: normally if {@code failure} ended
   *     suppressed, otherwise exceptionally with what is in flight at the end ({@code failure}
   *     itself unless replaced)
   */
  public CompletionStage<@Nullable Void> closeAsync(Throwable failure) {
    checkNotNull(failure, "failure");
    return unwindAsync(failure, CLOSE, null);
  }

  /**
   * Unwinds the stack as if the block had ended with {@code failure} (or normally, if null).
   *
   * <p>Python: {@code AsyncExitStack.__aexit__}.
   *
   * @param failure the exception in flight, or {@code null}
   * @return a stage completing with {@code true} only if {@code failure} was non-null and ended
   *     suppressed, with {@code false} if it continues, or exceptionally with another exception
   */
  @Override
  public CompletionStage<Boolean> exitAsync(@Nullable Throwable failure) {
    return unwindAsync(failure, EXIT, null);
  }

  @Override
  public CompletionStage<@Nullable Throwable> exitInFlightAsync(@Nullable Throwable failure) {
    return unwindAsync(failure, IN_FLIGHT, null);
  }

  // What the stage returned by an unwinding completes with (see Unwind.finish).
  private static final byte IN_FLIGHT = 0; // the exception in flight at the end, as a value
  private static final byte CLOSE = 1; // nothing, or failed with the exception in flight
  private static final byte EXIT = 2; // exitAsync's Boolean, or failed with another exception

  /** Starts unwinding; the returned stage's type follows {@code mode}. */
  @SuppressWarnings({"unchecked", "TypeParameterUnusedInFormals"})
  private <R extends @Nullable Object> CompletableFuture<R> unwindAsync(
      @Nullable Throwable failure, byte mode, @Nullable Deadline deadline) {
    CompletableFuture<@Nullable Object> result = new CompletableFuture<>();
    if (driving == Thread.currentThread()) {
      // Called from one of this stack's own cleanups, while it unwinds: unwind the rest now, as
      // Python's re-entrant aclose() and the sync stack do (waiting for the running close would
      // wait for ourselves).
      new Unwind(this, failure, result, mode, false, deadline).drive();
      return (CompletableFuture<R>) result;
    }
    if (!CLOSING.compareAndSet(this, null, result)) {
      return afterRunningClose(failure, mode, deadline, result);
    }
    new Unwind(this, failure, result, mode, true, deadline).drive();
    // While the close runs, `result` is also the mark a second close waits on: the caller gets a
    // relay of it, so that completing or cancelling that cannot end the wait early.
    return (CompletableFuture<R>) (result.isDone() ? result : Stages.relay(result));
  }

  /**
   * A close is already running: run nothing, and finish when it does (test262's rule for
   * AsyncDisposableStack). Its outcome belongs to its caller. Ours is that of an empty stack:
   * nothing ran for us, so the failure we were given, if any, is still in flight. (Out of {@link
   * #unwindAsync}, which must stay small enough for C2 to inline; see {@link Unwind#awaits}.)
   */
  @SuppressWarnings({"unchecked", "TypeParameterUnusedInFormals"})
  private <R extends @Nullable Object> CompletableFuture<R> afterRunningClose(
      @Nullable Throwable failure,
      byte mode,
      @Nullable Deadline deadline,
      CompletableFuture<@Nullable Object> result) {
    CompletableFuture<?> first = closing;
    if (first == null) {
      return unwindAsync(failure, mode, deadline); // it has just finished: a close of its own
    }
    Unwind nothingToRun = new Unwind(this, failure, result, mode, false, null);
    if (deadline == null) {
      var unused =
          first.whenComplete((ignoredValue, ignoredFailure) -> nothingToRun.finish(failure));
    } else {
      awaitRunningClose(first, deadline, nothingToRun, failure);
    }
    return (CompletableFuture<R>) result;
  }

  /**
   * A timed second close: waits for the running {@code first} until {@code deadline}, then ends
   * with a {@link TimeoutException} folded into {@code failure} as a plain cleanup's failure.
   */
  @SuppressWarnings("FutureReturnValueIgnored") // each stage here ends in a callback of ours
  private static void awaitRunningClose(
      CompletableFuture<?> first,
      Deadline deadline,
      Unwind nothingToRun,
      @Nullable Throwable failure) {
    CompletableFuture<Boolean> timedOut = new CompletableFuture<>();
    first.whenComplete((ignoredValue, ignoredFailure) -> timedOut.complete(false));
    timedOut
        .completeOnTimeout(Boolean.TRUE, Math.max(0, deadline.remaining()), TimeUnit.NANOSECONDS)
        .thenAccept(
            expired -> {
              if (!expired) {
                nothingToRun.finish(failure);
                return;
              }
              TimeoutException timeout =
                  new TimeoutException(
                      "the close already running did not finish within the deadline of"
                          + " closeAsync("
                          + deadline.timeout()
                          + "); this close ran nothing");
              // Not on the JDK's single timer thread: callers' callbacks run where it ends.
              TimedWait.ASYNC.execute(
                  () -> nothingToRun.finish(ExceptionRule.cleanupThrew(failure, timeout)));
            });
  }

  /**
   * Clears the driver's mark if it is still {@code me}'s: after a drive that suspended (or failed),
   * the thread that completes the stage may have resumed the unwinding already and taken the mark.
   * Out of {@link Unwind#drive}, on a path the benchmarks' completed stages never take, so that the
   * compare-and-set does not make the compiled driver too large for C2 to inline.
   */
  private void stopDriving(Thread me) {
    DRIVING.compareAndSet(this, me, null);
  }

  /** {@return a short description with the number of registered cleanups} */
  @Override
  public String toString() {
    return "AsyncExitStack[" + describeSize() + "]";
  }

  // ---------------------------------------------------------------------------------------------

  /**
   * The async driver. It pops one entry at a time: a synchronous entry runs through {@link
   * ExitStack#exitEntry}, the same step the sync stack uses; an async entry's stage is awaited by
   * registering this object as its completion callback. If the stage is already complete, the
   * callback runs inside {@code whenComplete} and only records the result, and the loop goes on
   * here: no recursion, whatever the number of entries (the {@code state} handshake decides which
   * thread continues).
   */
  private static final class Unwind implements BiConsumer<@Nullable Object, @Nullable Throwable> {
    private static final int IDLE = 0;
    private static final int REGISTERING = 1;
    private static final int COMPLETED_INLINE = 2;
    private static final int WAITING = 3;

    private final AsyncExitStack root;
    private AsyncExitStack stack; // the stack being drained: root, or one nested in it
    private @Nullable Resume resume; // where to go back to when a nested stack is drained
    private final @Nullable Throwable failure;
    private final CompletableFuture<@Nullable Object> result;
    private final byte mode;

    @SuppressWarnings("UnusedVariable") // read and written through STATE
    private volatile int state = IDLE;

    private final boolean ownsClosing;
    private final @Nullable Deadline deadline;
    private @Nullable Throwable inFlight;
    private @Nullable Object pending; // the async entry whose stage is awaited
    private byte pendingKind;
    private @Nullable TimeoutException timedOut; // set instead of an outcome when the wait expired

    Unwind(
        AsyncExitStack stack,
        @Nullable Throwable failure,
        CompletableFuture<@Nullable Object> result,
        byte mode,
        boolean ownsClosing,
        @Nullable Deadline deadline) {
      this.deadline = deadline;
      this.root = stack;
      this.stack = stack;
      this.failure = failure;
      this.inFlight = failure;
      this.result = result;
      this.mode = mode;
      this.ownsClosing = ownsClosing;
    }

    void drive() {
      Thread me = Thread.currentThread();
      Thread previous = root.driving;
      root.driving = me;
      boolean finished = false;
      try {
        finished = loop();
      } finally {
        // The role is never given back to another thread, which may have left already; a drive
        // nested in one on this thread (a re-entrant close) leaves it to that one.
        if (previous != me) {
          if (finished) {
            root.driving = null; // nothing else resumes this unwinding
          } else {
            root.stopDriving(me);
          }
        }
      }
      if (finished) {
        if (ownsClosing) {
          root.closing = null;
        }
        finish(inFlight);
      }
    }

    /** Completes the caller's stage from the exception in flight at the end, per {@link #mode}. */
    private void finish(@Nullable Throwable out) {
      if (mode == IN_FLIGHT) {
        result.complete(out);
      } else if (mode == CLOSE) {
        if (out == null) {
          result.complete(null);
        } else {
          result.completeExceptionally(out);
        }
      } else {
        Boolean answer = ExceptionRule.exitReport(failure, out);
        if (answer != null) {
          result.complete(answer);
        } else {
          result.completeExceptionally(checkNotNull(out, "out"));
        }
      }
    }

    /** Runs entries until the stack is empty (true) or a stage is pending (false). */
    private boolean loop() {
      while (true) {
        if (stack.size == 0) {
          Resume r = resume;
          if (r == null) {
            return true;
          }
          stack = r.stack;
          resume = r.next;
          continue;
        }
        byte kind = stack.kindAt(stack.size - 1);
        Object entry = stack.removeLast();
        if (kind == ASYNC_MANAGER
            && entry instanceof AsyncExitStack nested
            && nested.closing == null) {
          // Drained in place, as the sync stack drains a nested ExitStack: its entries see and
          // change our exception in flight, which is exactly nested.exitAsync's result, and no
          // depth of nesting grows the thread's stack. Not while its own close runs: then its
          // exit, started below, waits for that close as a second close does.
          resume = new Resume(stack, resume);
          stack = nested;
          continue;
        }
        if (kind < ASYNC_HANDLER || kind == HANDLE) {
          inFlight = ExitStack.exitEntry(entry, kind, inFlight); // the sync stack's own step
          continue;
        }
        CompletionStage<?> stage;
        try {
          stage = start(entry, kind, inFlight);
        } catch (Throwable t) {
          inFlight = fold(entry, kind, inFlight, null, t);
          continue;
        }
        if (stage.getClass() == CompletableFuture.class
            && ((CompletableFuture<?>) stage).isDone()) {
          // Already complete (the common case for sync-looking async code): read the outcome
          // directly, without a callback or the handshake. Exact class only: subclasses such as
          // minimalCompletionStage() refuse join(). Measured: 2.6x faster at 16 entries.
          Object value = null;
          Throwable failure = null;
          try {
            value = ((CompletableFuture<?>) stage).join();
          } catch (Throwable t) {
            failure = t; // CompletionException around it, or CancellationException: fold unwraps
          }
          inFlight = fold(entry, kind, inFlight, value, failure);
          continue;
        }
        if (awaits(entry, kind, stage)) {
          return false; // resumes in accept, on the thread that completes the stage
        }
        // Completed during whenComplete: accept has recorded the result; continue here.
      }
    }

    /**
     * Waits for {@code stage}: true if the unwinding is suspended until it completes, false if it
     * completed meanwhile (its outcome is recorded; the loop goes on). Kept out of {@link #loop}: a
     * larger loop is not inlined into {@link #drive}, and then this object is allocated even for
     * completed stages (measured: 27 to 40 ns per close of one entry).
     */
    private boolean awaits(Object entry, byte kind, CompletionStage<?> stage) {
      pending = entry;
      pendingKind = kind;
      state = REGISTERING;
      Timed timed = entry instanceof Timed t ? t : null;
      if (timed == null && deadline == null) {
        stage.whenComplete(this);
      } else {
        waitAtMost(stage, timed);
      }
      return STATE.compareAndSet(this, REGISTERING, WAITING);
    }

    /** Called by a {@link TimedWait} whose timer won: resume as if the stage had failed so. */
    void expired(TimeoutException timeout) {
      timedOut = timeout;
      accept(null, null);
    }

    /** A stack to go back to, and the ones below it. */
    private record Resume(AsyncExitStack stack, @Nullable Resume next) {}

    /**
     * Waits for {@code stage} as {@code whenComplete(this)} does, but for at most the shorter of
     * the entry's own timeout and what is left of the deadline: whichever of the stage and the
     * timer comes first resumes the unwinding, once. A failure that arrives after the timeout is
     * attached to the {@link TimeoutException}, so it is not lost.
     */
    private void waitAtMost(CompletionStage<?> stage, @Nullable Timed timed) {
      long limit = Long.MAX_VALUE;
      String within = "";
      if (timed != null) {
        limit = timed.nanos;
        within = "its timeout of " + timed.timeout;
      }
      Deadline d = deadline;
      if (d != null) {
        long left = Math.max(0, d.remaining());
        if (left < limit) {
          limit = left;
          within = "the deadline of closeAsync(" + d.timeout() + ")";
        }
      }
      Object entry = pending;
      boolean reportsInFlight = pendingKind == ASYNC_MANAGER && entry instanceof AsyncInFlightExit;
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

    @Override
    public void accept(@Nullable Object value, @Nullable Throwable failure) {
      Object entry = pending;
      pending = null;
      TimeoutException timeout = timedOut;
      if (timeout != null) {
        timedOut = null;
        inFlight = ExceptionRule.cleanupThrew(inFlight, timeout); // as a plain cleanup's failure
      } else {
        inFlight =
            fold(checkNotNull(entry, "pending entry"), pendingKind, inFlight, value, failure);
      }
      if (STATE.compareAndSet(this, REGISTERING, COMPLETED_INLINE)) {
        return;
      }
      drive();
    }

    /**
     * Starts an async entry's cleanup and returns its stage. A null stage is that entry's failure
     * (a {@link NullPointerException}, thrown here and folded by the loop like any other), as
     * Python's {@code await None} fails only that callback.
     */
    @SuppressWarnings("NullAway") // the entries' methods are declared non-null; callers may not be
    private static CompletionStage<?> start(Object entry, byte kind, @Nullable Throwable inFlight)
        throws Exception {
      CompletionStage<?> stage =
          switch (kind) {
            case ASYNC_HANDLER -> ((AsyncExitHandler) entry).exitAsync(inFlight);
            case ASYNC_MANAGER ->
                entry instanceof AsyncInFlightExit<?> exit
                    ? exit.exitInFlightAsync(inFlight)
                    : ((AsyncContextManager<?>) entry).exitAsync(inFlight);
            default -> ((AsyncCleanupAction) entry).runAsync();
          };
      if (stage == null) {
        throw new NullPointerException(
            kind == ASYNC_ACTION
                ? "the stage returned by runAsync() cannot be null"
                : "the stage returned by exitAsync() cannot be null");
      }
      return stage;
    }

    /** The exception rule, applied to an async entry's outcome. */
    private static @Nullable Throwable fold(
        Object entry,
        byte kind,
        @Nullable Throwable inFlight,
        @Nullable Object value,
        @Nullable Throwable failure) {
      Throwable thrown = failure == null ? null : Stages.unwrap(failure);
      if (kind == ASYNC_ACTION) {
        return thrown == null ? inFlight : ExceptionRule.cleanupThrew(inFlight, thrown);
      }
      if (thrown != null) {
        return ExceptionRule.exitThrew(inFlight, thrown);
      }
      if (kind == ASYNC_MANAGER && entry instanceof AsyncInFlightExit<?>) {
        return (Throwable) value; // computed by the exit itself, taken as is
      }
      return ExceptionRule.exitReturned(inFlight, Boolean.TRUE.equals(value));
    }
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

    /** Where the unwinding resumes after a timeout: not on the JDK's single timer thread. */
    static final Executor ASYNC = new CompletableFuture<@Nullable Void>().defaultExecutor();

    private final Unwind unwind;
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
        Unwind unwind,
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
}
