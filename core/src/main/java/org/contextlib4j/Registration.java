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

import static org.contextlib4j.internal.Throwables.sneakyThrow;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.contextlib4j.internal.Stages;
import org.jspecify.annotations.Nullable;

/**
 * A handle on one registration of a stack: it can cancel that registration, or run it early, in
 * place, while the rest of the stack stays as it is. Obtained from {@link ExitStack#handles()} (and
 * the same method of the other stacks).
 *
 * <pre>{@code
 * Contexts.run(new ExitStack(), stack -> {
 *   Registration<CleanupAction> temp = stack.handles().callback(() -> Files.deleteIfExists(path));
 *   write(path);
 *   if (keep) {
 *     temp.cancel();     // the file stays; the other cleanups still run at the end of the block
 *   }
 * });
 * }</pre>
 *
 * <p>A registration runs at most once: whichever of {@link #cancel()}, {@link #runNow()} and the
 * stack's unwinding comes first claims it, and the other two then do nothing. A cancelled or
 * already run registration is skipped by the unwinding and its slot is reclaimed the next time the
 * stack grows, so a long-lived stack that registers and cancels in a loop does not grow without
 * bound. Moving the registrations with {@code popAll()} keeps the handle valid: it then acts on the
 * new stack.
 *
 * <h2>Exception semantics</h2>
 *
 * <p>{@link #cancel()} runs nothing and throws nothing. {@link #runNow()} runs the cleanup as if it
 * were alone on a stack closed with nothing in flight: an exit sees {@code null}, and what the
 * cleanup throws propagates as the same instance, undeclared, as from {@link ExitStack#close()}
 * (unlike a cleanup run by the unwinding, it cannot affect the stack's exception in flight, which
 * does not exist yet).
 *
 * <p><b>Thread safety:</b> the claim is atomic, so a handle may be used from any thread, also while
 * the stack unwinds on another one: the cleanup still runs at most once. Running it early happens
 * on the calling thread; the actions before a successful {@code cancel()} or {@code runNow()}
 * happen-before the unwinding skipping the entry.
 *
 * <p>Python: no equivalent in {@code contextlib}; its documentation shows a {@code Callback.cancel}
 * recipe built on {@code pop_all}. TC39's explicit resource management proposal, issue 157, asks
 * for the same handle on {@code DisposableStack}.
 *
 * @param <T> the type of what was registered: the resource, action, handler or manager given, or
 *     for {@link Handles#enterContext} the value the manager's enter returned
 * @since 0.1.0
 */
public final class Registration<T extends @Nullable Object> {

  private static final VarHandle STATE;

  static {
    try {
      STATE = MethodHandles.lookup().findVarHandle(Registration.class, "state", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private static final int PENDING = 0;
  private static final int CANCELLED = 1;
  private static final int RUN = 2;

  /** What the stack runs: the entry and its kind, as {@link AbstractExitStack} stores them. */
  final Object entry;

  final byte kind;

  private final T value;

  @SuppressWarnings("UnusedVariable") // read and written through STATE
  private volatile int state = PENDING;

  Registration(Object entry, byte kind, T value) {
    this.entry = entry;
    this.kind = kind;
    this.value = value;
  }

  /**
   * {@return what was registered} The resource, action, handler or manager given to the
   * registration method; for {@link Handles#enterContext}, what the manager's enter returned.
   */
  public T value() {
    return value;
  }

  /**
   * Cancels the registration: its cleanup will not run. Nothing is run or thrown.
   *
   * @return {@code true} if this call cancelled it, {@code false} if it had already been cancelled,
   *     run early or run by the unwinding
   */
  public boolean cancel() {
    return STATE.compareAndSet(this, PENDING, CANCELLED);
  }

  /**
   * Runs the cleanup now, on the calling thread, with nothing in flight, and removes it from the
   * stack's unwinding. If it throws, that exception propagates as the same instance, undeclared.
   *
   * @return {@code true} if this call ran it, {@code false} if it had already been cancelled, run
   *     early or run by the unwinding (then nothing runs)
   * @throws IllegalStateException if the registration is asynchronous (made through {@link
   *     AsyncHandles}'s {@code pushAsync*}, {@code enterAsyncContext} or {@code registerAsync}):
   *     nothing runs and it stays pending; use {@link #runNowAsync()}
   */
  public boolean runNow() {
    if (StackFrames.INSTANCE.isAsync(kind)) {
      throw new IllegalStateException(
          "runNow() on an asynchronous registration: use runNowAsync(); it is still pending");
    }
    if (!claim()) {
      return false;
    }
    Throwable out = StackFrames.runEntry(entry, kind, null);
    if (out != null) {
      throw sneakyThrow(out);
    }
    return true;
  }

  /**
   * Starts the cleanup now, with nothing in flight, and removes it from the stack's unwinding: the
   * form of {@link #runNow()} for every registration, asynchronous ones included. The cleanup runs
   * as if it were alone on an {@link AsyncExitStack} closed with {@link
   * AsyncExitStack#closeAsync()}: a synchronous one at once, on the calling thread; an asynchronous
   * one is started on the calling thread and the returned stage completes when its stage does.
   *
   * <pre>{@code
   * lease.runNowAsync().thenRun(() -> log.info("connection returned early"));
   * }</pre>
   *
   * @return a stage completing with {@code true} once this call's run of the cleanup has finished,
   *     with {@code false} at once if it had already been cancelled, run early or run by the
   *     unwinding (then nothing runs), or exceptionally with what the cleanup threw or its stage
   *     failed with, as the same instance
   */
  public CompletionStage<Boolean> runNowAsync() {
    if (!claim()) {
      return CompletableFuture.completedFuture(Boolean.FALSE);
    }
    AsyncExitStack alone = new AsyncExitStack();
    alone.add(entry, kind);
    CompletableFuture<Boolean> ran = new CompletableFuture<>();
    alone
        .closeAsync()
        .whenComplete(
            (ignored, failure) -> {
              if (failure == null) {
                ran.complete(Boolean.TRUE);
              } else {
                ran.completeExceptionally(Stages.unwrap(failure));
              }
            });
    return ran;
  }

  /** {@return whether the cleanup is still to run: neither cancelled nor run yet} */
  public boolean isPending() {
    return state == PENDING;
  }

  /** Claims the cleanup for the unwinding or {@link #runNow()}: true exactly once. */
  boolean claim() {
    return STATE.compareAndSet(this, PENDING, RUN);
  }

  /** {@return a description: what was registered, and whether it is pending, cancelled or run} */
  @Override
  public String toString() {
    int s = state;
    String status = s == PENDING ? "pending" : s == CANCELLED ? "cancelled" : "run";
    return "Registration[" + status + ", " + entry + "]";
  }
}
