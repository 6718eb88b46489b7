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

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class DemoTest {

  private static @Nullable List<String> output;

  /** The demo's output, from one run shared by the tests (a run starts a database and a server). */
  private static synchronized List<String> demoOutput() throws Exception {
    if (output == null) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
        Demo.run(out);
      }
      output = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }
    return output;
  }

  @Test
  void filesOpenedBeforeAFailure_areClosedInReverseOrder() throws Exception {
    List<String> lines = demoOutput();
    int missing = lines.indexOf("-- the third of four files is missing");
    assertThat(lines.subList(missing + 1, missing + 6))
        .containsExactly(
            "opened alpha.txt",
            "opened bravo.txt",
            "closed bravo.txt",
            "closed alpha.txt",
            "failed part-way: NoSuchFileException missing.txt");
  }

  @Test
  void decoratorPrintsPythonsOutput() throws Exception {
    List<String> lines = demoOutput();
    int start = lines.indexOf("Starting");
    assertThat(lines.subList(start, start + 3))
        .containsExactly("Starting", "The bit in the middle", "Finishing");
  }

  @Test
  void transactionCommitsOnSuccess_andRollsBackOnFailure() throws Exception {
    List<String> lines = demoOutput();
    assertThat(lines)
        .containsSubsequence(
            "commit [alice, bob]",
            "table: [alice, bob]",
            "rollback [mallory] because: validation failed for mallory",
            "caught: validation failed for mallory",
            "table: [alice, bob]");
  }

  @Test
  void suppressCarriesOnButLetsOtherExceptionsThrough() throws Exception {
    assertThat(demoOutput())
        .contains(
            "deleting a missing file under suppress(NoSuchFileException): carried on",
            "any other exception still propagates: disk on fire");
  }

  @Test
  void generatorStyleManagersNestInAStack_andRecreatePerDecoratedCall() throws Exception {
    List<String> lines = demoOutput();
    int stack = lines.indexOf("-- in an ExitStack, one tag per element of a list:");
    assertThat(lines.subList(stack + 1, stack + 8))
        .containsExactly("<html>", "<body>", "<p>", "Hello", "</p>", "</body>", "</html>");
    int decorator = lines.indexOf("-- as a decorator, called twice:");
    assertThat(lines.subList(decorator + 1, decorator + 7))
        .containsExactly("<p>", "text", "</p>", "<p>", "text", "</p>");
    assertThat(lines)
        .containsSubsequence(
            "<div>", "<!-- div failed: no content -->", "</div>", "caught: no content");
  }

  @Test
  void everyPartNamesTheSourceFileItRuns_andTheFileExists() throws Exception {
    List<String> lines = demoOutput();
    List<String> named = new java.util.ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("== ")) {
        String next = lines.get(i + 1).strip();
        assertThat(next).as("the line after %s", lines.get(i)).matches("\\(examples/.*\\.java\\)");
        named.add(next.substring(1, next.length() - 1));
      }
    }
    assertThat(named).hasSize(10);
    java.nio.file.Path root = java.nio.file.Path.of(System.getProperty("docs.root", ".."));
    assertThat(named).allSatisfy(file -> assertThat(root.resolve(file)).isRegularFile());
    assertThat(lines).noneMatch(line -> line.toLowerCase(java.util.Locale.ROOT).contains("seed"));
  }

  @Test
  void realComponentSectionsFollowTheFirstSix_inOrder() throws Exception {
    assertThat(demoOutput())
        .containsSubsequence(
            "== 6. Async: mycontext as an async decorator, and AsyncExitStack",
            "== 7. A JDBC transaction on H2 (embedded): run, ExitStack, decorator, generator",
            "table: {alice=10, bob=110, carol=30, dave=5}",
            "== 8. Merging N sorted files through one ExitStack: every file closed (fd counts)",
            "failed part-way: NoSuchFileException part-missing.txt",
            "== 9. Async HTTP: HttpClient.sendAsync against a local HttpServer, one AsyncExitStack",
            "cleanup: server stopped",
            "== 10. redirectStdout: capturing a noisy library",
            "result: 385");
  }

  @Test
  void asyncDecoratorAndAsyncWith_printPythonsOutput() throws Exception {
    List<String> lines = demoOutput();
    int decorator = lines.indexOf("-- @mycontext() on an async function:");
    assertThat(lines.subList(decorator + 1, decorator + 4))
        .containsExactly("Starting", "The bit in the middle", "Finishing");
    int with = lines.indexOf("-- async with mycontext():");
    assertThat(lines.subList(with + 1, with + 4))
        .containsExactly("Starting", "The bit in the middle", "Finishing");
    int stack = lines.indexOf("-- an AsyncExitStack: async and sync cleanups, strictly LIFO:");
    assertThat(lines.subList(stack + 1, stack + 5))
        .containsExactly(
            "async exit sees: request timed out",
            "async cleanup on another thread",
            "sync cleanup (registered first, runs last)",
            "closed; the timeout was suppressed by the exit");
  }
}
