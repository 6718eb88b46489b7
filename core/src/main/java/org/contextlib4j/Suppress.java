package org.contextlib4j;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@link Contexts#suppress}: suppresses exceptions that are instances of the given types. */
final class Suppress implements ContextManager<@Nullable Void> {
  private final List<Class<? extends Throwable>> types;

  Suppress(List<Class<? extends Throwable>> types) {
    this.types = types;
  }

  @Override
  @SuppressWarnings("NullAway") // T is @Nullable Void; see NULLAWAY_NOTE in AbstractExitStack
  public @Nullable Void enter() {
    return null;
  }

  @Override
  public boolean exit(@Nullable Throwable failure) {
    if (failure == null) {
      return false;
    }
    for (Class<? extends Throwable> type : types) {
      if (type.isInstance(failure)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "suppress" + types;
  }
}
