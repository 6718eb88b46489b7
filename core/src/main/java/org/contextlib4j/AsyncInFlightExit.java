package org.contextlib4j;

import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * The async form of {@link InFlightExit}: an exit whose stage completes with the exception in
 * flight after it (as a value, or null), taken as is by the async stack. A nested {@link
 * AsyncExitStack} and an async generator-style manager are such exits.
 */
interface AsyncInFlightExit {

  /**
   * Runs the exit.
   *
   * @param inFlight the exception in flight before it, or null
   * @return a stage completing with the exception in flight after it, or null
   */
  CompletionStage<@Nullable Throwable> exitInFlightAsync(@Nullable Throwable inFlight);
}
