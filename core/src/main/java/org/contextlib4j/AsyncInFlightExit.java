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

import java.util.concurrent.CompletionStage;
import org.contextlib4j.internal.Stages;
import org.jspecify.annotations.Nullable;

/**
 * The async form of {@link InFlightExit}: an exit whose stage completes with the exception in
 * flight after it (as a value, or null), taken as is by the async stack. A nested {@link
 * AsyncExitStack} and an async generator-style manager are such exits.
 */
interface AsyncInFlightExit<T extends @Nullable Object> extends AsyncContextManager<T> {

  /**
   * Runs the exit.
   *
   * @param inFlight the exception in flight before it, or null
   * @return a stage completing with the exception in flight after it, or null
   */
  CompletionStage<@Nullable Throwable> exitInFlightAsync(@Nullable Throwable inFlight);

  /** {@link AsyncContextManager#exitAsync}'s answer, from {@link #exitInFlightAsync}. */
  @Override
  default CompletionStage<Boolean> exitAsync(@Nullable Throwable failure) {
    return Stages.report(failure, exitInFlightAsync(failure));
  }
}
