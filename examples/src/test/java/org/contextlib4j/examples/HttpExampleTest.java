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

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import org.contextlib4j.examples.HttpExample.HttpStatusException;
import org.contextlib4j.examples.HttpExample.Result;
import org.junit.jupiter.api.Test;

class HttpExampleTest {

  private static Result runExample(ByteArrayOutputStream bytes) {
    return HttpExample.run(new PrintStream(bytes, true, UTF_8));
  }

  @Test
  void printsResponsesThenCleansUpInReverseOrderOfRegistration() {
    Result result = runExample(new ByteArrayOutputStream());

    assertThat(result.log())
        .containsExactly(
            "GET /greeting -> 200 \"hello\"",
            "GET /numbers -> 200 \"1 2 3\"",
            "GET /missing -> 404",
            "cleanup: request /missing settled (404)",
            "cleanup: request /numbers settled (200)",
            "cleanup: request /greeting settled (200)",
            "exit sees: HttpStatusException: GET /missing -> 404",
            "cleanup: client threads shut down",
            "cleanup: server stopped");
  }

  @Test
  void theExitSeesTheBlocksFailure_andTheCallerGetsTheSameInstance() {
    Result result = runExample(new ByteArrayOutputStream());

    assertThat(result.failure()).isInstanceOf(HttpStatusException.class);
    assertThat(((HttpStatusException) result.failure()).status()).isEqualTo(404);
    assertThat(result.seenByExit()).isSameAs(result.failure());
    assertThat(result.failure().getSuppressed()).isEmpty();
  }

  @Test
  void stopsTheServerAndTheClientThreads() throws Exception {
    Result result = runExample(new ByteArrayOutputStream());

    assertThat(result.clientThreads().isShutdown()).isTrue();
    InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
    assertThatThrownBy(() -> new Socket(loopback, result.port()).close())
        .isInstanceOf(ConnectException.class);
  }

  @Test
  void demoSaysTheBlockFailedWithTheInstanceTheExitSaw() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    runExample(bytes);

    assertThat(bytes.toString(UTF_8).lines())
        .last()
        .isEqualTo("the block failed with: GET /missing -> 404 (the instance the exit saw: true)");
  }
}
