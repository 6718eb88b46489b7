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
package org.contextlib4j.examples;

import java.io.PrintStream;
import org.contextlib4j.AbstractContextManager;
import org.contextlib4j.Contexts;
import org.jspecify.annotations.Nullable;

/**
 * Python's decorator example from the contextlib documentation, in Java:
 *
 * <pre class="language-python">{@code
 * @mycontext()
 * def function():
 *     print('The bit in the middle')
 * }</pre>
 */
final class DecoratorExample {
  private DecoratorExample() {}

  /** Python's {@code mycontext}: prints on the way in and on the way out. */
  static final class MyContext extends AbstractContextManager<MyContext> {
    private final PrintStream out;

    MyContext(PrintStream out) {
      this.out = out;
    }

    @Override
    public MyContext enter() {
      out.println("Starting");
      return this;
    }

    @Override
    public boolean exit(@Nullable Throwable failure) {
      out.println("Finishing");
      return false;
    }
  }

  static void run(PrintStream out) {
    Runnable function =
        Contexts.decorateRunnable(
            () -> new MyContext(out), () -> out.println("The bit in the middle"));
    function.run();

    out.println("-- the same manager with a with-block:");
    Contexts.run(new MyContext(out), ignored -> out.println("The bit in the middle"));
  }
}
