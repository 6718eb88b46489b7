package org.contextlib4j;

import org.jspecify.annotations.Nullable;

/**
 * An exit that computes the exception in flight after it by itself, instead of through {@link
 * org.contextlib4j.internal.ExceptionRule}'s reading of "returned" or "threw": a plain close
 * ({@link Closing}) and a generator-style manager. The stack takes its answer as is.
 */
interface InFlightExit {

  /**
   * Runs the exit.
   *
   * @param inFlight the exception in flight before it, or null
   * @return the exception in flight after it, or null
   */
  @Nullable Throwable exitInFlight(@Nullable Throwable inFlight);
}
