package org.contextlib4j;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.contextlib4j.internal.Stages;
import org.jspecify.annotations.Nullable;

/**
 * {@link Contexts#toAsync}: a synchronous manager seen through the async protocol. Its exit runs
 * through the sync stack's own step, so the async stack takes its outcome as is.
 */
final class SyncAsAsync<T extends @Nullable Object>
    implements AsyncContextManager<T>, AsyncInFlightExit {
  private final ContextManager<T> manager;

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
        ExitStack.exitEntry(manager, AbstractExitStack.MANAGER, failure));
  }

  @Override
  public CompletionStage<Boolean> exitAsync(@Nullable Throwable failure) {
    return Stages.report(failure, exitInFlightAsync(failure));
  }

  @Override
  public String toString() {
    return "toAsync(" + manager + ")";
  }
}
