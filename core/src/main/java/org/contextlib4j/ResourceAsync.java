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

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.contextlib4j.internal.Stages;
import org.jspecify.annotations.Nullable;

/**
 * {@link Contexts#resourceAsync}: acquires with a stage, releases with a function that sees the
 * exception in flight. Each enter acquires a new resource; each exit releases the most recent one,
 * so the manager is reentrant and reusable when entered and exited in nested order.
 */
final class ResourceAsync<R extends @Nullable Object> implements AsyncContextManager<R> {
  private final Supplier<? extends CompletionStage<R>> acquire;
  private final BiFunction<
          ? super R, ? super @Nullable Throwable, ? extends CompletionStage<Boolean>>
      release;
  private final ArrayDeque<Holder<R>> acquired = new ArrayDeque<>(); // guarded by this

  private record Holder<R>(R resource) {}

  ResourceAsync(
      Supplier<? extends CompletionStage<R>> acquire,
      BiFunction<? super R, ? super @Nullable Throwable, ? extends CompletionStage<Boolean>>
          release) {
    this.acquire = acquire;
    this.release = release;
  }

  @Override
  public CompletionStage<R> enterAsync() {
    CompletionStage<R> stage;
    try {
      stage = acquire.get();
    } catch (Throwable t) {
      return Stages.failed(t);
    }
    CompletableFuture<R> entered = new CompletableFuture<>();
    stage.whenComplete(
        (resource, failure) -> {
          if (failure != null) {
            entered.completeExceptionally(Stages.unwrap(failure));
          } else {
            synchronized (this) {
              acquired.push(new Holder<>(resource));
            }
            entered.complete(resource);
          }
        });
    return entered;
  }

  @Override
  public CompletionStage<Boolean> exitAsync(@Nullable Throwable failure) {
    Holder<R> holder;
    synchronized (this) {
      holder = acquired.poll();
    }
    if (holder == null) {
      return Stages.failed(
          new IllegalStateException("resourceAsync: exit without a matching enter"));
    }
    try {
      return release.apply(holder.resource(), failure);
    } catch (Throwable t) {
      return Stages.failed(t);
    }
  }

  @Override
  public String toString() {
    return "resourceAsync(" + acquire + ", " + release + ")";
  }
}
