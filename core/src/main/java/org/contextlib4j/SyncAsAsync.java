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
import org.contextlib4j.internal.Stages;
import org.jspecify.annotations.Nullable;

/**
 * {@link Contexts#toAsync}: a synchronous manager seen through the async protocol. Its exit runs
 * through the sync stack's own step, so the async stack takes its outcome as is.
 */
final class SyncAsAsync<T extends @Nullable Object> implements AsyncInFlightExit<T> {
  final ContextManager<T> manager;

  SyncAsAsync(ContextManager<T> manager) {
    this.manager = manager;
  }

  @Override
  public CompletionStage<T> enterAsync() {
    try {
      return CompletableFuture.completedFuture(manager.enter());
    } catch (Throwable t) {
      return Stages.failed(t);
    }
  }

  @Override
  public CompletionStage<@Nullable Throwable> exitInFlightAsync(@Nullable Throwable failure) {
    return CompletableFuture.completedFuture(
        StackFrames.runEntry(manager, AbstractExitStack.MANAGER, failure));
  }

  @Override
  public String toString() {
    return "toAsync(" + manager + ")";
  }
}
