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
  void runsGeneratorManagersInAStack_withTheLibrarysDidntStopAfterThrow() {
    String result =
        RunScenarios.resultLine(
            "{\"id\":\"s000011\",\"kind\":\"sync\",\"program\":[{\"op\":\"with_stack\","
                + "\"name\":\"s1\",\"body\":[{\"op\":\"push\",\"stack\":\"s1\",\"id\":\"h2\","
                + "\"cls\":\"E1\",\"on_exit\":\"pass\"},{\"op\":\"with_stack\",\"name\":\"s3\","
                + "\"body\":[{\"op\":\"enter_gen\",\"stack\":\"s3\",\"id\":\"g4\",\"cls\":\"F\","
                + "\"gen\":{\"before\":\"ok\",\"yields\":2,\"on_throw\":\"swallow\",\"finally\":false,"
                + "\"after\":\"raise\"}},{\"op\":\"enter_gen\",\"stack\":\"s3\",\"id\":\"g5\","
                + "\"cls\":\"E1\",\"gen\":{\"before\":\"raise\",\"yields\":1,"
                + "\"on_throw\":\"raise_new\",\"finally\":false,\"after\":\"raise\"}},{\"op\":\"push\","
                + "\"stack\":\"s3\",\"id\":\"h6\",\"cls\":\"E2\",\"on_exit\":\"suppress\"}]},"
                + "{\"op\":\"raise\",\"id\":\"b7\",\"cls\":\"E3\"}]}]}");

    // SPEC section 9, s000011, as reference.py gives it.
    assertThat(result)
        .isEqualTo(
            "{\"id\":\"s000011\",\"trace\":[\"gen g4 start\",\"gen g5 start\","
                + "\"gen g4 resumed seen=g5-b\",\"exit h2 seen=didnt_stop_after_throw\"],"
                + "\"outcome\":{\"raised\":{\"id\":null,\"cls\":null,"
                + "\"kind\":\"didnt_stop_after_throw\",\"cause\":null,\"suppressed\":"
                + "[{\"id\":\"g5-b\",\"cls\":\"E1\",\"kind\":\"Err\",\"cause\":null,"
                + "\"suppressed\":[]}]}}}");
  }

  @Test
  void decoratedGeneratorManager_runsAFreshGeneratorForEachCall() {
    // The one-shot manager is passed to the decorator; a second call needs the library's copy.
    String result =
        RunScenarios.resultLine(
            "{\"id\":\"d2\",\"kind\":\"sync\",\"program\":[{\"op\":\"decorated\",\"repeat\":2,"
                + "\"cm\":{\"type\":\"gen\",\"id\":\"g1\",\"cls\":\"E3\",\"gen\":{\"before\":\"ok\","
                + "\"yields\":1,\"on_throw\":\"swallow\",\"finally\":true,\"after\":\"ok\"}},"
                + "\"body\":[{\"op\":\"raise\",\"id\":\"b2\",\"cls\":\"E2\"}]}]}");

    assertThat(result)
        .isEqualTo(
            "{\"id\":\"d2\",\"trace\":[\"gen g1 start\",\"gen g1 resumed seen=b2\","
                + "\"gen g1 finally\",\"gen g1 start\",\"gen g1 resumed seen=b2\",\"gen g1 finally\"],"
                + "\"outcome\":{\"ok\":true}}");
  }

  @Test
  void generatorRaiseNew_attachesTheCaughtException() {
    String result =
        RunScenarios.resultLine(
            "{\"id\":\"d1\",\"kind\":\"sync\",\"program\":[{\"op\":\"decorated\",\"repeat\":2,"
                + "\"cm\":{\"type\":\"gen\",\"id\":\"g1\",\"cls\":\"E3\",\"gen\":{\"before\":\"ok\","
                + "\"yields\":1,\"on_throw\":\"raise_new\",\"finally\":true,\"after\":\"ok\"}},"
                + "\"body\":[{\"op\":\"raise\",\"id\":\"b2\",\"cls\":\"E2\"}]}]}");

    assertThat(result)
        .isEqualTo(
            "{\"id\":\"d1\",\"trace\":[\"gen g1 start\",\"gen g1 resumed seen=b2\","
                + "\"gen g1 finally\"],\"outcome\":{\"raised\":{\"id\":\"g1-x\",\"cls\":\"E3\","
                + "\"kind\":\"Err\",\"cause\":null,\"suppressed\":[{\"id\":\"b2\",\"cls\":\"E2\","
                + "\"kind\":\"Err\",\"cause\":null,\"suppressed\":[]}]}}}");
  }

  @Test
  void generatorLeftSuspended_neverLogsItsFinallyClause() {
    // s3 (the popped stack) is never closed: g2 stays suspended at its yield on a helper thread.
    String result =
        RunScenarios.resultLine(
            "{\"id\":\"p1\",\"kind\":\"sync\",\"program\":[{\"op\":\"with_stack\",\"name\":\"s1\","
                + "\"body\":[{\"op\":\"enter_gen\",\"stack\":\"s1\",\"id\":\"g2\",\"cls\":\"E1\","
                + "\"gen\":{\"before\":\"ok\",\"yields\":1,\"on_throw\":\"swallow\",\"finally\":true,"
                + "\"after\":\"raise\"}},{\"op\":\"pop_all\",\"stack\":\"s1\",\"into\":\"s3\"},"
                + "{\"op\":\"raise\",\"id\":\"b4\",\"cls\":\"F\"}]}]}");

    assertThat(result)
        .isEqualTo(
            "{\"id\":\"p1\",\"trace\":[\"gen g2 start\"],\"outcome\":{\"raised\":"
                + "{\"id\":\"b4\",\"cls\":\"F\",\"kind\":\"Err\",\"cause\":null,\"suppressed\":[]}}}");
  }

  @Test
  void reportsAnError_forAsyncOnlyOpsInASyncScenario_andForMisplacedTiming() {
    assertThat(
            RunScenarios.resultLine(
                "{\"id\":\"s3\",\"kind\":\"sync\",\"program\":[{\"op\":\"push_async_exit\","
                    + "\"stack\":\"s1\",\"id\":\"ah1\",\"cls\":\"E1\",\"on_exit\":\"pass\","
                    + "\"timing\":\"now\"}]}"))
        .isEqualTo(
            "{\"id\":\"s3\",\"error\":\"malformed scenario: \\\"push_async_exit\\\" in a sync"
                + " scenario\"}");
    assertThat(
            RunScenarios.resultLine(
                "{\"id\":\"s4\",\"kind\":\"async\",\"program\":[{\"op\":\"enter\","
                    + "\"stack\":\"s1\",\"id\":\"c1\",\"cls\":\"E1\",\"on_enter\":\"ok\","
                    + "\"on_exit\":\"pass\",\"timing\":\"later\"}]}"))
        .isEqualTo("{\"id\":\"s4\",\"error\":\"malformed scenario: unexpected \\\"timing\\\"\"}");
    assertThat(
            RunScenarios.resultLine(
                "{\"id\":\"s5\",\"kind\":\"async\",\"program\":[{\"op\":\"enter_async\","
                    + "\"stack\":\"s1\",\"id\":\"ac1\",\"cls\":\"E1\",\"on_enter\":\"ok\","
                    + "\"on_exit\":\"pass\"}]}"))
        .isEqualTo(
            "{\"id\":\"s5\",\"error\":\"malformed scenario: missing string field \\\"timing\\\"\"}");
  }

  @Test
  void reportsAnError_forMalformedInput() {
    assertThat(
            RunScenarios.resultLine(
                "{\"id\":\"s5\",\"kind\":\"sync\",\"program\":[{\"op\":\"x\"}]}"))
        .isEqualTo("{\"id\":\"s5\",\"error\":\"malformed scenario: unknown op \\\"x\\\"\"}");
    // Checked before anything runs: the raise before the bad generator does not happen.
    assertThat(
            RunScenarios.resultLine(
                "{\"id\":\"s6\",\"kind\":\"sync\",\"program\":[{\"op\":\"raise\",\"id\":\"b1\","
                    + "\"cls\":\"E1\"},{\"op\":\"enter_gen\",\"stack\":\"s1\",\"id\":\"g1\","
                    + "\"cls\":\"E1\",\"gen\":{}}]}"))
        .isEqualTo(
            "{\"id\":\"s6\",\"error\":\"malformed scenario: \\\"yields\\\" must be 0, 1 or 2\"}");
    assertThat(RunScenarios.resultLine("not json"))
        .startsWith("{\"id\":null,\"error\":\"malformed");
    assertThat(RunScenarios.resultLine("[]"))
        .isEqualTo("{\"id\":null,\"error\":\"malformed scenario: not an object\"}");
  }

  @Test
  void watchdogReportsAHungScenario_andRunsTheNextOne() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    // One second: long enough that the next scenario, on a freshly started thread, never runs over
    // it on a busy machine; short enough to keep the test quick.
    try (RunScenarios.Watchdog watchdog = new RunScenarios.Watchdog(Duration.ofSeconds(1))) {
      String hung =
          watchdog.run(
              () -> {
                never.await();
                return "unreachable";
              },
              () -> "s6");
      String next = watchdog.run(() -> "next", () -> "s7");

      assertThat(hung).isEqualTo("{\"id\":\"s6\",\"error\":\"timeout: scenario ran over 1 s\"}");
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
        {"id":"x","kind":"other","program":[]}
        {"id":"c","kind":"sync","program":[{"op":"raise","id":"b1","cls":"E3"}]}
        """;
    StringWriter out = new StringWriter();

    RunScenarios.Counts counts =
        RunScenarios.process(
            new BufferedReader(new StringReader(input)), out, Duration.ofSeconds(10));

    assertThat(out.toString().lines())
        .containsExactly(
            "{\"id\":\"a\",\"trace\":[],\"outcome\":{\"ok\":true}}",
            "{\"id\":\"b\",\"trace\":[],\"outcome\":{\"ok\":true}}",
            "{\"id\":\"x\",\"error\":\"malformed scenario: unknown kind \\\"other\\\"\"}",
            "{\"id\":\"c\",\"trace\":[],\"outcome\":{\"raised\":{\"id\":\"b1\",\"cls\":\"E3\","
                + "\"kind\":\"Err\",\"cause\":null,\"suppressed\":[]}}}");
    assertThat(counts).isEqualTo(new RunScenarios.Counts(4, 1));
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
