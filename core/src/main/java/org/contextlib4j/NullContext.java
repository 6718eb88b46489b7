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

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * {@link Contexts#nullContext}: enters to a fixed value and does nothing on exit, in both protocols
 * (CPython's {@code nullcontext} also supports {@code async with}).
 */
final class NullContext<T extends @Nullable Object>
    implements ContextManager<T>, AsyncContextManager<T> {
  private final T value;

  NullContext(T value) {
    this.value = value;
  }

  @Override
  public T enter() {
    return value;
  }

  @Override
  public boolean exit(@Nullable Throwable failure) {
    return false;
  }

  @Override
  public CompletionStage<T> enterAsync() {
    return CompletableFuture.completedFuture(value);
  }

  @Override
  public CompletionStage<Boolean> exitAsync(@Nullable Throwable failure) {
    return CompletableFuture.completedFuture(false);
  }

  @Override
  public String toString() {
    return "nullContext(" + value + ")";
  }
}
