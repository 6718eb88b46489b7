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

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** {@link Contexts#toAsync}: a synchronous manager used through the async protocol. */
class ToAsyncTest {

  static final class Boom extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Boom(String message) {
      super(message);
    }
  }

  @Test
  void entersToTheSyncManagersValue() {
    List<String> seen = new ArrayList<>();
    String result =
        join(
            Contexts.withAsync(
                Contexts.toAsync(Contexts.nullContext("v")),
                value -> {
                  seen.add(value);
                  return CompletableFuture.completedFuture("r");
                }));
    assertThat(result).isEqualTo("r");
    assertThat(seen).containsExactly("v");
  }

  @Test
  void theSyncManagersExitSuppresses_theBodysFailure() {
    CompletableFuture<String> failed = CompletableFuture.failedFuture(new Boom("body"));
    String result =
        join(
            Contexts.withAsync(Contexts.toAsync(Contexts.suppress(Boom.class)), ignored -> failed));
    assertThat(result).isNull(); // suppressed: no result
  }

  @Test
  void enterFailsWithTheSyncEntersException_sameInstance() {
    Boom boom = new Boom("enter");
    AsyncContextManager<String> manager =
        Contexts.toAsync(
            new ContextManager<String>() {
              @Override
              public String enter() {
                throw boom;
              }

              @Override
              public boolean exit(Throwable failure) {
                throw new AssertionError("exit must not run when enter failed");
              }
            });
    assertThat(failureOf(manager.enterAsync())).isSameAs(boom);
  }

  @Test
  void closingThroughToAsync_attachesTheCloseFailure_toTheBodysException() {
    Boom closeFailure = new Boom("close");
    Boom body = new Boom("body");
    AutoCloseable resource =
        () -> {
          throw closeFailure;
        };
    AsyncExitStack stack = new AsyncExitStack();
    assertThat(join(stack.enterAsyncContext(Contexts.toAsync(Contexts.closing(resource)))))
        .isSameAs(resource);
    assertThat(failureOf(stack.closeAsync(body))).isSameAs(body);
    assertThat(body.getSuppressed()).containsExactly(closeFailure);
  }
}
