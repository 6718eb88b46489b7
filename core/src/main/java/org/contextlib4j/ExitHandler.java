package org.contextlib4j;

import org.jspecify.annotations.Nullable;

/**
 * An exception-aware exit on its own, registered with {@link ExitStack#push(ExitHandler)}.
 *
 * <p>It sees the exception in flight when it runs (after the exits registered later than it), and
 * may suppress it by returning {@code true}, or replace it by throwing another exception:
 *
 * <pre>{@code
 * stack.push(failure -> {
 *   if (failure == null) batch.commit(); else batch.rollback();
 *   return false;
 * });
 * }</pre>
 *
 * <p>Exception semantics are those of {@link ContextManager#exit(Throwable)}: {@code true}
 * suppresses; a thrown exception replaces the one in flight, which is attached to it as suppressed.
 *
 * <p><b>Thread safety:</b> called once, on the thread that unwinds the stack.
 *
 * <p>Python: a callable with the {@code __exit__} signature, passed to {@code ExitStack.push}.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ExitHandler {

  /**
   * Runs the exit.
   *
   * @param failure the exception in flight, or {@code null} if there is none
   * @return {@code true} to suppress {@code failure}
   * @throws Exception to replace {@code failure} with it
   */
  boolean exit(@Nullable Throwable failure) throws Exception;
}
