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
import java.util.List;
import org.contextlib4j.ContextManager;
import org.contextlib4j.Contexts;
import org.contextlib4j.ExitStack;

/**
 * Generator-style managers, Python's {@code @contextmanager}:
 *
 * <pre class="language-python">{@code
 * @contextmanager
 * def tag(name):
 *     print(f"<{name}>")
 *     try:
 *         yield name
 *     except Exception as e:
 *         print(f"<!-- {name} failed: {e} -->")
 *         raise
 *     finally:
 *         print(f"</{name}>")
 * }</pre>
 *
 * <p>used with a with-block, in an ExitStack (the body then waits at its yield on a helper thread),
 * and as a decorator (a fresh run of the body per call).
 */
final class GeneratorExample {
  private GeneratorExample() {}

  static ContextManager<String> tag(String name, PrintStream out) {
    return Contexts.contextManager(
        y -> {
          out.println("<" + name + ">");
          try {
            y.yield(name);
          } catch (RuntimeException e) {
            out.println("<!-- " + name + " failed: " + e.getMessage() + " -->");
            throw e;
          } finally {
            out.println("</" + name + ">");
          }
        });
  }

  static void run(PrintStream out) {
    out.println("-- with:");
    Contexts.run(tag("h1", out), name -> out.println("Title inside " + name));

    out.println("-- in an ExitStack, one tag per element of a list:");
    Contexts.run(
        new ExitStack(),
        stack -> {
          for (String name : List.of("html", "body", "p")) {
            stack.enterContext(tag(name, out));
          }
          out.println("Hello");
        });

    out.println("-- as a decorator, called twice:");
    Runnable paragraph = Contexts.decorateRunnable(tag("p", out), () -> out.println("text"));
    paragraph.run();
    paragraph.run();

    out.println("-- the block fails: the body sees the exception, then it continues:");
    try {
      Contexts.run(
          tag("div", out),
          name -> {
            throw new IllegalStateException("no content");
          });
    } catch (IllegalStateException e) {
      out.println("caught: " + e.getMessage());
    }
  }
}
