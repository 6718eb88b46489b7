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

import static org.assertj.core.api.Assertions.assertThat;
import static org.contextlib4j.AsyncTesting.failureOf;
import static org.contextlib4j.AsyncTesting.join;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * {@link Contexts#asyncContextManager}: a body that fails before its yield, and exits that come
 * before the enter or after the exit.
 */
class AsyncGeneratorContextManagerMisuseTest {

  static final class Boom extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Boom(String message) {
      super(message);
    }
  }

  @Test
  void enterFailsWithTheBodysOwnException_whenTheBodyThrowsBeforeYielding() {
    Boom boom = new Boom("setup");
    AsyncContextManager<String> manager =
        Contexts.asyncContextManager(
            y -> {
              throw boom;
            });
    assertThat(failureOf(manager.enterAsync())).isSameAs(boom);
    assertThat(boom.getSuppressed()).isEmpty();
  }

  @Test
  void enterFailsWithTheBodysOwnException_whenTheBodysStageFailsBeforeYielding() {
    Boom boom = new Boom("setup");
    AsyncContextManager<String> manager =
        Contexts.asyncContextManager(y -> CompletableFuture.failedFuture(boom));
    assertThat(failureOf(manager.enterAsync())).isSameAs(boom);
    assertThat(boom.getSuppressed()).isEmpty();
  }

  @Test
  void exitBeforeEnter_failsWithIllegalState_withTheGivenExceptionAttached() {
    AsyncContextManager<String> manager = Contexts.asyncContextManager(y -> y.yieldAsync("v"));
    Boom body = new Boom("body");
    Throwable failure = failureOf(manager.exitAsync(body));
    assertThat(failure)
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessage("async generator-style context manager exited before it was entered");
    assertThat(failure.getSuppressed()).containsExactly(body);
  }

  @Test
  void exitAfterExit_failsWithIllegalState() {
    AsyncContextManager<String> manager = Contexts.asyncContextManager(y -> y.yieldAsync("v"));
    assertThat(join(manager.enterAsync())).isEqualTo("v");
    assertThat(join(manager.exitAsync(null))).isFalse();
    Throwable failure = failureOf(manager.exitAsync(null));
    assertThat(failure)
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessage("async generator-style context manager exited twice");
    assertThat(failure.getSuppressed()).isEmpty();
  }
}
