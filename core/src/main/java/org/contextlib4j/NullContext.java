package org.contextlib4j;

import org.jspecify.annotations.Nullable;

/** {@link Contexts#nullContext}: enters to a fixed value and does nothing on exit. */
final class NullContext<T extends @Nullable Object> implements ContextManager<T> {
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
  public String toString() {
    return "nullContext(" + value + ")";
  }
}
