package org.contextlib4j;

import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * An exception-aware exit whose result comes later, registered with {@link
 * AsyncExitStack#pushAsyncExit(AsyncExitHandler)}.
 *
 * <pre>{@code
 * stack.pushAsyncExit(failure ->
 *     failure == null ? tx.commitAsync().thenApply(v -> false)
 *                     : tx.rollbackAsync().thenApply(v -> false));
 * }</pre>
 *
 * <p>Exception semantics are those of {@link AsyncContextManager#exitAsync}: completing with {@code
 * true} suppresses, completing exceptionally (or throwing) replaces the exception in flight.
 *
 * <p><b>Thread safety:</b> called once, on the thread that is unwinding the stack at that point
 * (the one that completed the previous cleanup's stage, or the one that called {@code closeAsync}).
 *
 * <p>Python: a coroutine function with the {@code __aexit__} signature, passed to {@code
 * AsyncExitStack.push_async_exit}.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface AsyncExitHandler {

  /**
   * Runs the exit.
   *
   * @param failure the exception in flight, or {@code null} if there is none
   * @return a stage completing with {@code true} to suppress {@code failure}
   * @throws Exception the same as a stage completed exceptionally with it
   */
  CompletionStage<Boolean> exitAsync(@Nullable Throwable failure) throws Exception;
}
