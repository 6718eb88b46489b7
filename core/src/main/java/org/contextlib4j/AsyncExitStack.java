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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.contextlib4j.internal.AsyncUnwinding;
import org.contextlib4j.internal.Deadline;
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
 * BufferedWriter out = stack.register(Files.newBufferedWriter(report));   // synchronous entries too
 * CompletionStage<List<String>> rows = Contexts.withAsync(stack, s ->
 *     s.enterAsyncContext(pool.leaseAsync())
 *         .thenCompose(connection -> {
 *           s.pushAsyncCallback(() -> audit.flushAsync());
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
 *       flight, like any other, and it propagates as the same instance the stage holds, on every
 *       JDK (on JDK 25 {@code join()} would throw a new one).
 *   <li>An {@link #enterAsyncContext} whose enter stage completes after a close of this stack
 *       began: if that close is still running, it unwinds the new entry too (the newest, so first);
 *       if it has finished, the manager's exit runs at once with nothing in flight and the returned
 *       stage fails with an {@link IllegalStateException} saying so (what the exit threw attached),
 *       as a registration on a closed {@link ConcurrentExitStack} does.
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
 *       to the {@code TimeoutException}, so it is not lost (for a generator-style manager, whose
 *       exit reports the exception in flight after it: a new exception it reports later). This
 *       holds even for a late failure that holds the exception in flight (as its cause): attaching
 *       it to the timeout, which is attached to that exception, closes a cycle, but leaving it out
 *       would lose it. An exit that completes later can no longer suppress or replace anything;
 *   <li>a stack registered with a timeout ({@code pushAsyncExit(nested, timeout)}) is unwound in
 *       place, exactly as an untimed nested stack is (its exits see and may suppress or replace the
 *       exception in flight); the timeout bounds its entries' stages together: each waits at most
 *       for what is left of it, and one that has not completed in time is a plain cleanup's failure
 *       as above, after which the nested stack's older entries still run, in order;
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
 * the previous stage. The interrupt status is re-set for an {@link InterruptedException} the
 * exception rule takes over (attached to another exception, or suppressed) only while the unwinding
 * runs inside the {@code closeAsync} (or {@code exitAsync}) call, on its caller's thread: once it
 * has waited for a stage, it runs on threads that merely completed one, and those are never
 * interrupted for it (the {@code InterruptedException} stays reachable from the outcome). Each
 * step's actions happen-before the next step's, and all of them happen-before the completion of the
 * stage returned by {@code closeAsync}. Registration is not thread-safe: register from one thread
 * at a time, and not while the stack unwinds (except from its own cleanups, which run in order). A
 * second {@code closeAsync()} while one is running runs nothing and returns a stage that completes
 * normally when the first one has finished (a second {@code closeAsync(failure)} or {@code
 * exitAsync(failure)} then fails with, or reports, {@code failure} as still in flight: nothing ran
 * that could have suppressed it). A second {@code closeAsync(Duration)} waits at most until its own
 * deadline, then ends with a {@link TimeoutException} (attached to its failure, if it has one).
 * After that, the stack is empty and can be used again.
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
 * <p>A stack registered in another, of any of the three kinds and by any registration method
 * ({@code pushAsyncExit(nested)}, with or without a timeout, {@code enterAsyncContext}, {@code
 * push}, {@code register}, {@code toAsync}, {@code closing}, a handle), is unwound in place by the
 * outer unwinding, in one loop: no depth of nesting can overflow the thread's stack. An async stack
 * is not unwound in place while its own close is running (the outer one then waits for it, as a
 * second close does). While the outer unwinding drains it, the nested stack is not marked as
 * closing: a {@code closeAsync()} of the nested stack from elsewhere at that moment unwinds it too.
 * Close a nested stack through the stack that holds it.
 *
 * <p>Python: {@code contextlib.AsyncExitStack}.
 *
 * @since 0.1.0
 */
public final class AsyncExitStack extends AbstractExitStack
    implements AsyncInFlightExit<AsyncExitStack> {

  /**
   * How many closes have begun (not counting re-entrant ones): an enter that completes after one
   * began and ended knows its exit was not run. Written only by the thread that set {@link
   * #closing}, before it clears it: read after {@code closing} is seen null, it is current.
   */
  private int closes;

  /** The result of the close that is running, if any (a second close waits for it). */
  volatile @Nullable CompletableFuture<?> closing;

  private static final VarHandle CLOSING;
  private static final VarHandle DRIVING;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      CLOSING = lookup.findVarHandle(AsyncExitStack.class, "closing", CompletableFuture.class);
      DRIVING = lookup.findVarHandle(AsyncExitStack.class, "driving", Thread.class);
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
    return enter(manager, false);
  }

  /**
   * {@link #enterAsyncContext}, or its handle form: then the manager's exit is registered through a
   * {@link Registration} holding the entered value, and the stage completes with that handle.
   */
  @SuppressWarnings({"unchecked", "TypeParameterUnusedInFormals"})
  <T extends @Nullable Object, V extends @Nullable Object> CompletionStage<V> enter(
      AsyncContextManager<T> manager, boolean handle) {
    checkNotNull(manager, "manager");
    CompletableFuture<V> entered = new CompletableFuture<>();
    CompletionStage<T> enter;
    try {
      enter = checkNotNull(manager.enterAsync(), "the stage returned by enterAsync()");
    } catch (Throwable t) {
      entered.completeExceptionally(t);
      return entered;
    }
    int closesBefore = closes;
    enter.whenComplete(
        (value, failure) -> {
          if (failure != null) {
            entered.completeExceptionally(Stages.unwrap(failure));
          } else if (closing == null && closes != closesBefore) { // in this order: see `closes`
            exitEnteredLate(manager, entered);
          } else {
            // No close began meanwhile, or the one that did is still running: it unwinds this
            // entry too, the newest, before the older ones.
            if (handle) {
              entered.complete((V) addHandle(new Registration<>(manager, ASYNC_MANAGER, value)));
            } else {
              add(manager, ASYNC_MANAGER);
              entered.complete((V) value);
            }
          }
        });
    return entered;
  }

  /**
   * A manager whose enter completed after a close of this stack began and finished: that close
   * could not run its exit, so it runs now, with nothing in flight, and the enter fails, as a
   * registration on a closed {@link ConcurrentExitStack} does. What the exit threw is attached.
   */
  private static void exitEnteredLate(
      AsyncContextManager<?> manager, CompletableFuture<?> entered) {
    IllegalStateException closed =
        new IllegalStateException(
            "the AsyncExitStack was closed while the manager was being entered: its exit ran at"
                + " once, and the value it entered with must not be used");
    AsyncExitStack alone = new AsyncExitStack();
    alone.add(manager, ASYNC_MANAGER);
    var unused =
        alone
            .closeAsync()
            .whenComplete(
                (ignored, failure) ->
                    entered.completeExceptionally(
                        failure == null
                            ? closed
                            : ExceptionRule.cleanupThrew(closed, Stages.unwrap(failure), false)));
  }

  /**
   * Registers {@code value} with the asynchronous cleanup that releases it, and returns it: the
   * async form of {@link #register(Object, ResourceCleanup)}. The cleanup receives {@code value},
   * and its stage is awaited, in LIFO order with every other registration, as {@link
   * #pushAsyncCallback}'s; it is a plain cleanup.
   *
   * <pre>{@code
   * Session session = stack.registerAsync(client.openSession(), s -> s.closeAsync());
   * }</pre>
   *
   * <p>Python: none. JavaScript: {@code AsyncDisposableStack.prototype.adopt}.
   *
   * @param value the value to release
   * @param cleanup starts releasing it
   * @param <T> the value's type
   * @return {@code value}
   */
  public <T> T registerAsync(T value, AsyncResourceCleanup<? super T> cleanup) {
    add(
        new AdoptedAsync<>(checkNotNull(value, "value"), checkNotNull(cleanup, "cleanup")),
        ASYNC_ACTION);
    return value;
  }

  /**
   * {@return the registration methods of this stack in a form that returns a handle, the async ones
   * included} Each handle can cancel its registration or run it early; see {@link Registration}.
   *
   * <pre>{@code
   * Registration<AsyncCleanupAction> flush =
   *     stack.handles().pushAsyncCallback(() -> buffer.flushAsync());
   * flush.runNowAsync();   // flush now; the close will not flush again
   * }</pre>
   */
  @Override
  public AsyncHandles handles() {
    return new AsyncHandles(this);
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
    add(new Timed(handler, timeout), ASYNC_HANDLER);
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
    add(
        manager instanceof AsyncInFlightExit<?> exit
            ? new TimedInFlight(exit, timeout)
            : new Timed(manager, timeout),
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
    add(new Timed(action, timeout), ASYNC_ACTION);
    return action;
  }

  /** {@link #registerAsync}'s entry: an async plain cleanup bound to its value. */
  static final class AdoptedAsync<T> implements AsyncCleanupAction {
    private final T value;
    private final AsyncResourceCleanup<? super T> cleanup;

    AdoptedAsync(T value, AsyncResourceCleanup<? super T> cleanup) {
      this.value = value;
      this.cleanup = cleanup;
    }

    @Override
    public CompletionStage<?> runAsync() throws Exception {
      return cleanup.releaseAsync(value);
    }

    @Override
    public String toString() {
      return "registerAsync(" + value + ", " + cleanup + ")";
    }
  }

  /**
   * An async entry with a timeout of its own. It is registered with its entry's kind and stands in
   * for it, so the unwinding loop treats it as any other entry; only the wait for a stage that is
   * not complete yet (the engine's wait ({@code AsyncUnwinding})) looks for it. Keeping it out of
   * the loop matters: a larger loop is no longer inlined by C2, and the driver is then allocated
   * for every close (measured). Its stage is the entry's own, unchanged, so a failure that arrives
   * after the timeout is that failure itself.
   */
  static class Timed
      implements AsyncCleanupAction, AsyncExitHandler, AsyncContextManager<@Nullable Object> {
    final Object entry;
    final Duration timeout;

    Timed(Object entry, Duration timeout) {
      this.entry = entry;
      this.timeout = checkNotNull(timeout, "timeout");
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
  static final class TimedInFlight extends Timed implements AsyncInFlightExit<@Nullable Object> {
    TimedInFlight(AsyncInFlightExit<?> entry, Duration timeout) {
      super(entry, timeout);
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

  /**
   * Moves every registration to a new stack, in one step, and leaves this one empty and usable.
   *
   * <p>While the stack unwinds (a close is running, on any thread, or an outer stack unwinds this
   * one in place), it throws {@link IllegalStateException} and moves nothing: the cleanups that
   * have not run yet still run in that unwinding, as {@link ExitStack#popAll()} does. Unlike
   * Python, where they would move silently.
   *
   * <p>Python: {@code AsyncExitStack.pop_all}.
   *
   * @return a new stack that owns every cleanup this one had
   * @throws IllegalStateException if called while this stack unwinds
   */
  @Override
  public AsyncExitStack popAll() {
    if (closing != null) {
      throw popAllDuringUnwind("AsyncExitStack");
    }
    checkNotUnwinding();
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
    return unwindAsync(null, CLOSE, Deadline.after(timeout, true));
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
    return unwindAsync(failure, CLOSE, Deadline.after(timeout, true));
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

  /**
   * Unwinds the stack as if the block had ended with {@code failure} (or normally, if null), and
   * reports what is in flight afterwards as a value. This is {@link #exitAsync} for a caller that
   * needs the outcome rather than a {@code Boolean}: an enclosing stack uses it to take a nested
   * stack's outcome as is, and you can use it to drive a stack by hand without telling "suppressed"
   * from "continues" yourself.
   *
   * <pre>{@code
   * AsyncExitStack stack = new AsyncExitStack();
   * stack.pushAsyncCallback(() -> CompletableFuture.runAsync(() -> System.out.println("cleanup")));
   * CompletionStage<String> outcome =
   *     stack.exitInFlightAsync(new IOException("the block failed"))
   *         .thenApply(inFlight -> inFlight == null ? "suppressed" : "in flight: " + inFlight);
   * }</pre>
   *
   * <p>What the exits do follows the <a href="ExitStack.html#exceptions">exception semantics</a>;
   * the exception in flight at the end is the stage's value: the stage does not fail with it.
   *
   * <p>Python: none; CPython's {@code __aexit__} answers with a flag ({@link #exitAsync}).
   *
   * @param failure the exception the exits see, or {@code null}
   * @return a stage completing when every cleanup has run, with the exception in flight at the end
   *     ({@code failure} itself unless suppressed or replaced), or with {@code null} if none is
   */
  @Override
  public CompletionStage<@Nullable Throwable> exitInFlightAsync(@Nullable Throwable failure) {
    return unwindAsync(failure, IN_FLIGHT, null);
  }

  /**
   * {@link #exitInFlightAsync(Throwable)} started by a stage's callback: unless {@code inCall} (the
   * callback runs inside the call that started the block, on its thread), no thread's interrupt
   * status is re-set, since this thread merely completed a stage.
   */
  CompletionStage<@Nullable Throwable> exitInFlightAsync(
      @Nullable Throwable failure, boolean inCall) {
    return unwindAsync(failure, inCall ? IN_FLIGHT : IN_FLIGHT_IN_CALLBACK, null);
  }

  // What the stage returned by an unwinding completes with (see Unwind.finish).
  private static final byte IN_FLIGHT = 0; // the exception in flight at the end, as a value
  private static final byte CLOSE = 1; // nothing, or failed with the exception in flight
  private static final byte EXIT = 2; // exitAsync's Boolean, or failed with another exception
  private static final byte IN_FLIGHT_IN_CALLBACK = 3; // IN_FLIGHT, started by a stage's callback

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
    boolean took;
    try {
      took = CLOSING.compareAndSet(this, null, result);
      if (took) {
        closes++; // only the thread that set `closing` writes it
        new Unwind(this, failure, result, mode, true, deadline).drive();
      }
    } catch (Throwable escaped) {
      // An error in our own code (a StackOverflowError at the end of the thread's stack, say),
      // maybe right after the mark was taken: give it back, with field writes only (any call
      // could fail again here), so that the stack is not left closing for good, then fail the
      // stage a second close may wait on, if that call still fits. Only the close that holds the
      // mark clears it; another one takes it only from null.
      if (closing == result) {
        closing = null;
      }
      result.completeExceptionally(escaped);
      throw escaped;
    }
    if (!took) {
      return afterRunningClose(failure, mode, deadline, result);
    }
    // While the close runs, `result` is also the mark a second close waits on: the caller gets a
    // relay of it, so that completing or cancelling that cannot end the wait early.
    return (CompletableFuture<R>) (result.isDone() ? result : Stages.relay(result));
  }

  /**
   * A close is already running: run nothing, and finish when it does (test262's rule for
   * AsyncDisposableStack). Its outcome belongs to its caller. Ours is that of an empty stack:
   * nothing ran for us, so the failure we were given, if any, is still in flight. (Out of {@link
   * #unwindAsync}, which must stay small enough for C2 to inline; see the engine's wait ({@code
   * AsyncUnwinding}).)
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
              AsyncUnwinding.ASYNC.execute(
                  () -> nothingToRun.finish(ExceptionRule.cleanupThrew(failure, timeout)));
            });
  }

  /**
   * Clears the driver's mark if it is still {@code me}'s: after a drive that suspended (or failed),
   * the thread that completes the stage may have resumed the unwinding already and taken the mark.
   * Out of {@code Unwind.drive}, on a path the benchmarks' completed stages never take, so that the
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
   * An unwinding of this stack: the engine's async driver ({@link AsyncUnwinding}), with what is
   * this stack's own: the mark of the thread that drives it (re-entrant closes), the {@link
   * #closing} mark a second close waits on, and what the caller's stage completes with.
   */
  private static final class Unwind extends AsyncUnwinding {
    private final AsyncExitStack root;
    private final @Nullable Throwable failure;
    private final CompletableFuture<@Nullable Object> result;
    private final byte mode;
    private final boolean ownsClosing;

    Unwind(
        AsyncExitStack stack,
        @Nullable Throwable failure,
        CompletableFuture<@Nullable Object> result,
        byte mode,
        boolean ownsClosing,
        @Nullable Deadline deadline) {
      super(StackFrames.INSTANCE, stack, failure, deadline, mode != IN_FLIGHT_IN_CALLBACK);
      this.root = stack;
      this.failure = failure;
      this.result = result;
      this.mode = mode;
      this.ownsClosing = ownsClosing;
    }

    @Override
    protected void drive() {
      Thread me = Thread.currentThread();
      Thread previous = root.driving;
      root.driving = me;
      boolean finished;
      try {
        finished = loop();
      } catch (Throwable machinery) {
        // The engine's own code failed (a StackOverflowError at the end of the thread's stack,
        // say): this unwinding is given up. What the cursor had taken goes back first; then, with
        // field writes only (any call could fail again where the error struck), the stack is left
        // neither driven by this thread nor closing, so that the next close runs what is left;
        // last, if that call still fits, the caller's stage fails with the error, which also lets
        // a close waiting for this one go on. The error propagates, as the sync driver's does.
        try {
          abandonAll(); // a nested concurrent stack's close is given up, not left waited on
        } finally {
          if (previous != me && root.driving == me) {
            root.driving = null;
          }
          if (ownsClosing && root.closing == result) {
            root.closing = null;
          }
        }
        result.completeExceptionally(machinery);
        throw machinery;
      }
      // The role is never given back to another thread, which may have left already; a drive
      // nested in one on this thread (a re-entrant close) leaves it to that one.
      if (previous != me) {
        if (finished) {
          root.driving = null; // nothing else resumes this unwinding
        } else {
          try {
            root.stopDriving(me); // unless the thread that completes the stage has taken it
          } catch (Throwable endOfTheStack) {
            // The compare-and-set could not run here (the end of the thread's stack): the same with
            // a field write. Not rethrown: the unwinding has been handed over and goes on, on the
            // thread that completes the stage; thrown, the error would tell our caller that the
            // close failed, and make it give up the closing mark while the close still runs.
            if (root.driving == me) {
              root.driving = null;
            }
          }
        }
      }
      if (finished) {
        if (ownsClosing) {
          root.closing = null;
        }
        finish(inFlight());
      }
    }

    /** Completes the caller's stage from the exception in flight at the end, per {@link #mode}. */
    void finish(@Nullable Throwable out) {
      if (mode == IN_FLIGHT || mode == IN_FLIGHT_IN_CALLBACK) {
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
  }
}
