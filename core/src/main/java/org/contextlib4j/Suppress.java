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
