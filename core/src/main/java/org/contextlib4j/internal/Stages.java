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
package org.contextlib4j.internal;

import static org.contextlib4j.internal.Throwables.checkNotNull;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/** Helpers for reading and making {@link CompletionStage}s without wrapping exceptions. */
public final class Stages {
  private Stages() {}

  /**
   * Removes the {@link CompletionException} that {@link CompletableFuture} puts around a failure
   * passed on to dependent stages.
   *
   * @param failure what a stage failed with
   * @return its cause if it is a {@code CompletionException} with a cause, otherwise itself (also
   *     if its {@code getCause} throws: the cause of no other exception is read)
   */
  public static Throwable unwrap(Throwable failure) {
    Throwable cause =
        failure instanceof CompletionException ? ExceptionRule.causeOf(failure) : null;
    return cause != null ? cause : failure;
  }

  /**
   * What {@code done}, a future completed exceptionally, failed with: the same instance on every
   * JDK. ({@code join()} is not used: on JDK 25 it throws a new {@code CancellationException} for a
   * future failed with one.) A {@link CompletionException} put around a failure passed on from
   * another stage is left for {@link #unwrap}.
   *
   * @param done a future that is completed exceptionally
   * @return what it failed with
   */
  public static Throwable failureOf(CompletableFuture<?> done) {
    return checkNotNull(done.handle((value, failure) -> failure).getNow(null), "failure");
  }

  /**
   * A stage failed with {@code failure}, the exception itself (not wrapped).
   *
   * @param failure the exception
   * @param <T> the stage's value type
   * @return the failed stage
   */
  public static <T extends @Nullable Object> CompletableFuture<T> failed(Throwable failure) {
    CompletableFuture<T> stage = new CompletableFuture<>();
    stage.completeExceptionally(failure);
    return stage;
  }

  /**
   * The async form of {@code ContextManager.exit}'s answer: {@code true} if {@code failure} ended
   * suppressed, {@code false} if it continues, or a stage failed with the other exception in flight
   * (not wrapped).
   *
   * @param failure the exception the exit received, or null
   * @param outcome a stage completing with the exception in flight after the exit, or null
   * @return the stage
   */
  public static CompletionStage<Boolean> report(
      @Nullable Throwable failure, CompletionStage<@Nullable Throwable> outcome) {
    CompletableFuture<Boolean> result = new CompletableFuture<>();
    outcome.whenComplete(
        (out, error) -> {
          if (error != null) {
            result.completeExceptionally(unwrap(error));
            return;
          }
          Boolean answer = ExceptionRule.exitReport(failure, out);
          if (answer != null) {
            result.complete(answer);
          } else {
            result.completeExceptionally(checkNotNull(out, "out"));
          }
        });
    return result;
  }

  /**
   * A new future that completes as {@code source} does, with its value or its exception itself.
   * Unlike {@link CompletableFuture#copy()}, which completes a copy with a {@link
   * CompletionException} around the exception, so a caller's {@code whenComplete} or {@code handle}
   * would see the wrapper.
   *
   * @param source the future to follow
   * @param <T> the value's type
   * @return the new future
   */
  public static <T extends @Nullable Object> CompletableFuture<T> relay(
      CompletableFuture<T> source) {
    CompletableFuture<T> relay = new CompletableFuture<>();
    var unused =
        source.whenComplete(
            (value, failure) -> {
              if (failure != null) {
                relay.completeExceptionally(unwrap(failure));
              } else {
                relay.complete(value);
              }
            });
    return relay;
  }
}
