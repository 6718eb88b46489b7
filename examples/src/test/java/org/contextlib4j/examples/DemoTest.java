package org.contextlib4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoTest {

  private static List<String> demoOutput() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      Demo.run(out);
    }
    return bytes.toString(StandardCharsets.UTF_8).lines().toList();
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
  void decoratorPrintsTheSeedOutput() throws Exception {
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
  void asyncDecoratorAndAsyncWith_printTheSeedsOutput() throws Exception {
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
