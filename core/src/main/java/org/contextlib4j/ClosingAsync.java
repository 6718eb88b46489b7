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

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.contextlib4j.internal.CallerScope;
import org.contextlib4j.internal.ExceptionRule;
import org.contextlib4j.internal.Stages;
import org.jspecify.annotations.Nullable;

/**
 * {@link Contexts#closingAsync}: enters to a resource and closes it asynchronously on exit, as a
 * plain cleanup (a failing close never hides the exception in flight).
 */
final class ClosingAsync<C> implements AsyncInFlightExit<C> {
  private final C resource;
  private final Function<? super C, ? extends CompletionStage<?>> close;

  ClosingAsync(C resource, Function<? super C, ? extends CompletionStage<?>> close) {
    this.resource = resource;
    this.close = close;
  }

  @Override
  public CompletionStage<C> enterAsync() {
    return CompletableFuture.completedFuture(resource);
  }

  @Override
  public CompletionStage<@Nullable Throwable> exitInFlightAsync(@Nullable Throwable failure) {
    CompletionStage<?> closed;
    try {
      closed =
          Objects.requireNonNull(
              close.apply(resource),
              "close returned null; the close function given to closingAsync must return a"
                  + " CompletionStage");
    } catch (Throwable t) {
      closed = Stages.failed(t);
    }
    CompletableFuture<@Nullable Throwable> out = new CompletableFuture<>();
    CallerScope call = new CallerScope(); // an attached interrupt re-sets only the caller's status
    closed.whenComplete(
        (ignored, error) ->
            out.complete(
                error == null
                    ? failure
                    : ExceptionRule.cleanupThrew(failure, Stages.unwrap(error), call.active())));
    call.leave();
    return out;
  }

  @Override
  public String toString() {
    return "closingAsync(" + resource + ")";
  }
}
