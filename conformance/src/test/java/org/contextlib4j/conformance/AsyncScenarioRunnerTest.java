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

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class AsyncScenarioRunnerTest {

  @Test
  void runsSpecExampleS000365_withTheInFlightRule() {
    String result =
        RunScenarios.resultLine(
            "{\"id\":\"s000365\",\"kind\":\"async\",\"program\":[{\"op\":\"with_stack\","
                + "\"name\":\"s1\",\"body\":[{\"op\":\"push\",\"stack\":\"s1\",\"id\":\"h2\","
                + "\"cls\":\"E3\",\"on_exit\":\"raise_new\"},{\"op\":\"enter_async\",\"stack\":\"s1\","
                + "\"id\":\"ac3\",\"cls\":\"E2\",\"on_enter\":\"ok\",\"on_exit\":\"pass\","
                + "\"timing\":\"later\"},{\"op\":\"enter_async\",\"stack\":\"s1\",\"id\":\"ac4\","
                + "\"cls\":\"E3\",\"on_enter\":\"ok\",\"on_exit\":\"raise_new_from\","
                + "\"timing\":\"now\"}]}]}");

    // SPEC section 9, s000365, as reference.py gives it.
    assertThat(result)
        .isEqualTo(
            "{\"id\":\"s000365\",\"trace\":[\"enter ac3\",\"enter ac4\",\"exit ac4 seen=none\","
                + "\"exit ac3 seen=ac4-x\",\"exit h2 seen=ac4-x\"],\"outcome\":{\"raised\":"
                + "{\"id\":\"h2-x\",\"cls\":\"E3\",\"kind\":\"Err\",\"cause\":null,\"suppressed\":"
                + "[{\"id\":\"ac4-x\",\"cls\":\"E3\",\"kind\":\"Err\",\"cause\":null,"
                + "\"suppressed\":[]}]}}}");
  }

  @Test
  void asyncCallbackFailure_isAttachedToTheBodysException_andTryCatchesItUnwrapped() {
    String result =
        RunScenarios.resultLine(
            "{\"id\":\"a1\",\"kind\":\"async\",\"program\":[{\"op\":\"try\",\"id\":\"t1\",\"body\":"
                + "[{\"op\":\"with_stack\",\"name\":\"s2\",\"body\":[{\"op\":\"push_async_callback\","
                + "\"stack\":\"s2\",\"id\":\"af3\",\"cls\":\"E3\",\"on_call\":\"raise\","
                + "\"timing\":\"later\"},{\"op\":\"raise\",\"id\":\"b4\",\"cls\":\"E1\"}]}]},"
                + "{\"op\":\"with_stack\",\"name\":\"s5\",\"body\":[{\"op\":\"push_async_callback\","
                + "\"stack\":\"s5\",\"id\":\"af6\",\"cls\":\"E3\",\"on_call\":\"raise\","
                + "\"timing\":\"later\"}]}]}");

    // The checked E3 escapes the program as itself, not inside a completion wrapper.
    assertThat(result)
        .isEqualTo(
            "{\"id\":\"a1\",\"trace\":[\"callback af3\",\"caught t1 b4\",\"callback af6\"],"
                + "\"outcome\":{\"raised\":{\"id\":\"af6\",\"cls\":\"E3\",\"kind\":\"Err\","
                + "\"cause\":null,\"suppressed\":[]}}}");
  }

  @Test
  void decoratedAsyncGenerator_runsAFreshGeneratorForEachCall() {
    String result =
        RunScenarios.resultLine(
            "{\"id\":\"d2\",\"kind\":\"async\",\"program\":[{\"op\":\"decorated\",\"repeat\":2,"
                + "\"cm\":{\"type\":\"gen\",\"id\":\"g1\",\"cls\":\"E3\",\"gen\":{\"before\":\"ok\","
                + "\"yields\":1,\"on_throw\":\"swallow\",\"finally\":true,\"after\":\"ok\"},"
                + "\"timing\":\"later\"},\"body\":[{\"op\":\"raise\",\"id\":\"b2\",\"cls\":\"E2\"}]}]}");

    assertThat(result)
        .isEqualTo(
            "{\"id\":\"d2\",\"trace\":[\"gen g1 start\",\"gen g1 resumed seen=b2\","
                + "\"gen g1 finally\",\"gen g1 start\",\"gen g1 resumed seen=b2\",\"gen g1 finally\"],"
                + "\"outcome\":{\"ok\":true}}");
  }

  @Test
  void asyncGeneratorRaiseNew_attachesTheCaughtException() {
    String result =
        RunScenarios.resultLine(
            "{\"id\":\"g\",\"kind\":\"async\",\"program\":[{\"op\":\"with_stack\",\"name\":\"s1\","
                + "\"body\":[{\"op\":\"enter_gen\",\"stack\":\"s1\",\"id\":\"g2\",\"cls\":\"E1\","
                + "\"gen\":{\"before\":\"ok\",\"yields\":1,\"on_throw\":\"raise_new\",\"finally\":true,"
                + "\"after\":\"ok\"},\"timing\":\"later\"},{\"op\":\"raise\",\"id\":\"b3\","
                + "\"cls\":\"F\"}]}]}");

    assertThat(result)
        .isEqualTo(
            "{\"id\":\"g\",\"trace\":[\"gen g2 start\",\"gen g2 resumed seen=b3\","
                + "\"gen g2 finally\"],\"outcome\":{\"raised\":{\"id\":\"g2-x\",\"cls\":\"E1\","
                + "\"kind\":\"Err\",\"cause\":null,\"suppressed\":[{\"id\":\"b3\",\"cls\":\"F\","
                + "\"kind\":\"Err\",\"cause\":null,\"suppressed\":[]}]}}}");
  }

  @Test
  void asyncGeneratorLeftSuspended_neverLogsItsFinallyClause() {
    String result =
        RunScenarios.resultLine(
            "{\"id\":\"p1\",\"kind\":\"async\",\"program\":[{\"op\":\"with_stack\",\"name\":\"s1\","
                + "\"body\":[{\"op\":\"enter_gen\",\"stack\":\"s1\",\"id\":\"g2\",\"cls\":\"E1\","
                + "\"gen\":{\"before\":\"ok\",\"yields\":1,\"on_throw\":\"swallow\",\"finally\":true,"
                + "\"after\":\"raise\"},\"timing\":\"now\"},{\"op\":\"pop_all\",\"stack\":\"s1\","
                + "\"into\":\"s3\"},{\"op\":\"raise\",\"id\":\"b4\",\"cls\":\"F\"}]}]}");

    assertThat(result)
        .isEqualTo(
            "{\"id\":\"p1\",\"trace\":[\"gen g2 start\"],\"outcome\":{\"raised\":"
                + "{\"id\":\"b4\",\"cls\":\"F\",\"kind\":\"Err\",\"cause\":null,\"suppressed\":[]}}}");
  }

  @Test
  void laterStep_completesOnAnotherThread() throws Exception {
    Thread caller = Thread.currentThread();

    CompletableFuture<Thread> later =
        AsyncScenarioRunner.timed(true, Thread::currentThread).toCompletableFuture();

    assertThat(later.get()).isNotSameAs(caller);
    assertThat(later.get().getName()).isEqualTo("scenario-later");
  }

  @Test
  void nowStep_isCompleteOnReturn_onTheCallersThread() {
    Thread caller = Thread.currentThread();

    CompletableFuture<Thread> now =
        AsyncScenarioRunner.timed(false, Thread::currentThread).toCompletableFuture();

    assertThat(now.isDone()).isTrue();
    assertThat(now.join()).isSameAs(caller);
  }
}
