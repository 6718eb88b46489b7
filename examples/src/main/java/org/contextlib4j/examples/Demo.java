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

/**
 * The README's demo: runs every example and prints what happens.
 *
 * <pre class="language-shell">{@code
 * ./mvnw -q -pl examples -am compile exec:java
 * }</pre>
 */
public final class Demo {
  private Demo() {}

  /**
   * Runs the examples.
   *
   * @param args ignored
   * @throws Exception if an example fails unexpectedly
   */
  public static void main(String[] args) throws Exception {
    run(System.out);
  }

  static void run(PrintStream out) throws Exception {
    section(out, "1. ExitStack: a variable list of real files, one stack", FilesExample.class);
    FilesExample.run(out);
    section(
        out, "2. A context manager as a decorator (Python's mycontext)", DecoratorExample.class);
    DecoratorExample.run(out);
    section(
        out,
        "3. An exception-aware exit: commit on success, roll back on failure",
        TransactionExample.class);
    TransactionExample.run(out);
    section(out, "4. suppress", SuppressExample.class);
    SuppressExample.run(out);
    section(out, "5. Generator-style managers (@contextmanager)", GeneratorExample.class);
    GeneratorExample.run(out);
    section(
        out, "6. Async: mycontext as an async decorator, and AsyncExitStack", AsyncExample.class);
    AsyncExample.run(out);
    section(
        out,
        "7. A JDBC transaction on H2 (embedded): run, ExitStack, decorator, generator",
        JdbcTransactionExample.class);
    JdbcTransactionExample.run(out);
    section(
        out,
        "8. Merging N sorted files through one ExitStack: every file closed (fd counts)",
        MergeFilesExample.class);
    MergeFilesExample.run(out);
    section(
        out,
        "9. Async HTTP: HttpClient.sendAsync against a local HttpServer, one AsyncExitStack",
        HttpExample.class);
    HttpExample.run(out);
    section(out, "10. redirectStdout: capturing a noisy library", RedirectStdoutExample.class);
    RedirectStdoutExample.run(out);
  }

  /** Prints a part's title and the source file of the example it runs. */
  private static void section(PrintStream out, String title, Class<?> example) {
    out.println();
    out.println("== " + title);
    out.println("   (" + sourceFile(example) + ")");
  }

  /** Where {@code example}'s source is in the repository. */
  static String sourceFile(Class<?> example) {
    return "examples/src/main/java/" + example.getName().replace('.', '/') + ".java";
  }
}
