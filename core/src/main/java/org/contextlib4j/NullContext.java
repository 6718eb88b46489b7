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
