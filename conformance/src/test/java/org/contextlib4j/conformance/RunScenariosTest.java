package org.contextlib4j.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class RunScenariosTest {

  @Test
  void runsAScenario_whoseCheckedExceptionEscapesUnwrapped() {
    String result =
        RunScenarios.resultLine(
            "{\"id\":\"s1\",\"kind\":\"sync\",\"program\":[{\"op\":\"with_stack\",\"name\":\"s1\","
                + "\"body\":[{\"op\":\"push\",\"stack\":\"s1\",\"id\":\"h2\",\"cls\":\"E2\","
                + "\"on_exit\":\"raise_new_from\"},{\"op\":\"callback\",\"stack\":\"s1\",\"id\":\"f3\","
                + "\"cls\":\"E3\",\"on_call\":\"raise\"},{\"op\":\"raise\",\"id\":\"b4\",\"cls\":\"E1\"}]}]}");

    // SPEC section 9, s000087.
    assertThat(result)
        .isEqualTo(
            "{\"id\":\"s1\",\"trace\":[\"callback f3\",\"exit h2 seen=b4\"],\"outcome\":{\"raised\":"
                + "{\"id\":\"h2-x\",\"cls\":\"E2\",\"kind\":\"Err\",\"cause\":"
                + "{\"id\":\"b4\",\"cls\":\"E1\",\"kind\":\"Err\",\"cause\":null,\"suppressed\":"
                + "[{\"id\":\"f3\",\"cls\":\"E3\",\"kind\":\"Err\",\"cause\":null,\"suppressed\":[]}]},"
                + "\"suppressed\":[]}}}");
  }

  @Test
  void reportsOk_whenTheProgramCompletes() {
    String result =
        RunScenarios.resultLine(
            "{\"id\":\"s2\",\"kind\":\"sync\",\"program\":[{\"op\":\"try\",\"id\":\"t1\",\"body\":"
                + "[{\"op\":\"raise\",\"id\":\"b2\",\"cls\":\"F\"}]}]}");

    assertThat(result)
        .isEqualTo("{\"id\":\"s2\",\"trace\":[\"caught t1 b2\"],\"outcome\":{\"ok\":true}}");
  }

  @Test
  void reportsUnsupported_forAsyncAndGeneratorScenarios_beforeRunningAnything() {
    String async = "{\"id\":\"s3\",\"kind\":\"async\",\"program\":[]}";
    // The generator is after a statement that would log: nothing may run.
    String gen =
        "{\"id\":\"s4\",\"kind\":\"sync\",\"program\":[{\"op\":\"with_stack\",\"name\":\"s1\","
            + "\"body\":[{\"op\":\"raise\",\"id\":\"b1\",\"cls\":\"E1\"}]},{\"op\":\"nullcontext\","
            + "\"body\":[{\"op\":\"decorated\",\"repeat\":1,\"body\":[],\"cm\":{\"type\":\"gen\","
            + "\"id\":\"g1\",\"cls\":\"E1\",\"gen\":{}}}]}]}";

    assertThat(RunScenarios.resultLine(async))
        .isEqualTo("{\"id\":\"s3\",\"error\":\"unsupported\"}");
    assertThat(RunScenarios.resultLine(gen)).isEqualTo("{\"id\":\"s4\",\"error\":\"unsupported\"}");
  }

  @Test
  void reportsAnError_forMalformedInput() {
    assertThat(
            RunScenarios.resultLine(
                "{\"id\":\"s5\",\"kind\":\"sync\",\"program\":[{\"op\":\"x\"}]}"))
        .isEqualTo("{\"id\":\"s5\",\"error\":\"malformed scenario: unknown op \\\"x\\\"\"}");
    assertThat(RunScenarios.resultLine("not json"))
        .startsWith("{\"id\":null,\"error\":\"malformed");
    assertThat(RunScenarios.resultLine("[]"))
        .isEqualTo("{\"id\":null,\"error\":\"malformed scenario: not an object\"}");
  }

  @Test
  void watchdogReportsAHungScenario_andRunsTheNextOne() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    try (RunScenarios.Watchdog watchdog = new RunScenarios.Watchdog(Duration.ofMillis(200))) {
      String hung =
          watchdog.run(
              () -> {
                never.await();
                return "unreachable";
              },
              () -> "s6");
      String next = watchdog.run(() -> "next", () -> "s7");

      assertThat(hung).isEqualTo("{\"id\":\"s6\",\"error\":\"timeout: scenario ran over 0 s\"}");
      assertThat(next).isEqualTo("next");
    } finally {
      never.countDown();
    }
  }

  @Test
  void processWritesOneLinePerScenario_inInputOrder() throws Exception {
    String input =
        """
        {"id":"a","kind":"sync","program":[]}

        {"id":"b","kind":"async","program":[]}
        {"id":"c","kind":"sync","program":[{"op":"raise","id":"b1","cls":"E3"}]}
        """;
    StringWriter out = new StringWriter();

    RunScenarios.Counts counts =
        RunScenarios.process(
            new BufferedReader(new StringReader(input)), out, Duration.ofSeconds(10));

    assertThat(out.toString().lines())
        .containsExactly(
            "{\"id\":\"a\",\"trace\":[],\"outcome\":{\"ok\":true}}",
            "{\"id\":\"b\",\"error\":\"unsupported\"}",
            "{\"id\":\"c\",\"trace\":[],\"outcome\":{\"raised\":{\"id\":\"b1\",\"cls\":\"E3\","
                + "\"kind\":\"Err\",\"cause\":null,\"suppressed\":[]}}}");
    assertThat(counts).isEqualTo(new RunScenarios.Counts(3, 1, 1));
  }

  @Test
  void comparisonFlagsTraceOutcomeErrorAndMissingResults_butNotKeyOrder() {
    List<String> expected =
        List.of(
            "{\"id\":\"a\",\"trace\":[\"x\"],\"outcome\":{\"ok\":true}}",
            "{\"id\":\"b\",\"trace\":[\"x\"],\"outcome\":{\"ok\":true}}",
            "{\"id\":\"c\",\"trace\":[],\"outcome\":{\"ok\":true}}",
            "{\"id\":\"d\",\"trace\":[],\"outcome\":{\"ok\":true}}",
            "{\"id\":\"e\",\"trace\":[],\"outcome\":{\"ok\":true}}");
    List<String> actual =
        List.of(
            "{\"outcome\":{\"ok\":true},\"trace\":[\"x\"],\"id\":\"a\"}",
            "{\"id\":\"b\",\"trace\":[\"y\"],\"outcome\":{\"ok\":true}}",
            "{\"id\":\"c\",\"trace\":[],\"outcome\":{\"raised\":{\"ref\":\"q\"}}}",
            "{\"id\":\"d\",\"error\":\"unsupported\"}");

    List<String> mismatches = ResultComparison.mismatches(expected, actual);

    assertThat(mismatches).hasSize(4);
    assertThat(mismatches.get(0)).startsWith("b:");
    assertThat(mismatches.get(1)).startsWith("c:");
    assertThat(mismatches.get(2)).isEqualTo("d: error \"unsupported\"");
    assertThat(mismatches.get(3)).isEqualTo("e: no result");
  }
}
