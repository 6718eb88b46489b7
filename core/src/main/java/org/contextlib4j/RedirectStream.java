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

import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * {@link Contexts#redirectStdout} and {@link Contexts#redirectStderr}: swaps a JVM-wide stream.
 * Reentrant and reusable: each enter remembers the stream it replaced, each exit restores the most
 * recent one (CPython's {@code _RedirectStream}).
 */
final class RedirectStream implements ContextManager<PrintStream> {
  private final PrintStream target;
  private final Supplier<PrintStream> getter;
  private final Consumer<PrintStream> setter;
  private final String name;
  private final ArrayDeque<PrintStream> replaced = new ArrayDeque<>();

  RedirectStream(
      PrintStream target, Supplier<PrintStream> getter, Consumer<PrintStream> setter, String name) {
    this.target = target;
    this.getter = getter;
    this.setter = setter;
    this.name = name;
  }

  @Override
  public PrintStream enter() {
    replaced.push(getter.get());
    setter.accept(target);
    return target;
  }

  @Override
  public boolean exit(@Nullable Throwable failure) {
    PrintStream previous = replaced.poll();
    if (previous == null) {
      throw new IllegalStateException(name + ": exit without a matching enter");
    }
    setter.accept(previous);
    return false;
  }

  @Override
  public String toString() {
    return name + "(" + target + ")";
  }
}
