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
import static org.contextlib4j.AsyncTesting.failed;
import static org.contextlib4j.AsyncTesting.failureOf;
import static org.contextlib4j.AsyncTesting.join;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** CPython's {@code TestAsyncNullcontext}, ported to {@link Contexts#nullContextAsync}. */
class NullContextAsyncTest {

  // CPython: TestAsyncNullcontext.test_async_nullcontext
  // Also: it suppresses nothing, and the no-argument form enters to null.
  @Test
  void entersToTheGivenValue_andLetsTheBlockExceptionThrough_whenUsedAsAStandIn() {
    Object c = new Object();
    IllegalStateException failure = new IllegalStateException();

    Object cIn =
        join(Contexts.withAsync(Contexts.nullContextAsync(c), CompletableFuture::completedFuture));
    Throwable thrown =
        failureOf(Contexts.withAsync(Contexts.nullContextAsync(c), value -> failed(failure)));

    assertThat(cIn).isSameAs(c);
    assertThat(thrown).isSameAs(failure);
    assertThat(failure.getSuppressed()).isEmpty();
    assertThat(join(Contexts.nullContextAsync().enterAsync())).isNull();
  }
}
