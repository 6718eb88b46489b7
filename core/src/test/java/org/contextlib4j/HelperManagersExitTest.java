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

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * What the library's own synchronous managers answer from {@code exit}: none of {@code
 * nullContext}, {@code redirectStdout}, {@code redirectStderr} and {@code closing} suppresses the
 * exception in flight, whether used through {@link Contexts#run} or called directly (as a manager
 * that delegates its exit to one of them does).
 */
class HelperManagersExitTest {

  static final class Boom extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Boom(String message) {
      super(message);
    }
  }

  @Test
  void nullContext_letsTheBodysExceptionThrough_sameInstance() {
    Boom boom = new Boom("body");
    assertThatThrownBy(
            () ->
                Contexts.run(
                    Contexts.nullContext("v"),
                    v -> {
                      throw boom;
                    }))
        .isSameAs(boom);
    assertThat(boom.getSuppressed()).isEmpty();
  }

  @Test
  void nullContext_exitReturnsFalse_whenGivenAnException() throws Exception {
    assertThat(Contexts.nullContext().exit(new Boom("x"))).isFalse();
  }

  @Test
  void redirectStdout_letsTheBodysExceptionThrough_andRestoresTheStream() {
    PrintStream original = System.out;
    PrintStream target = new PrintStream(new ByteArrayOutputStream(), true, UTF_8);
    Boom boom = new Boom("body");
    assertThatThrownBy(
            () ->
                Contexts.run(
                    Contexts.redirectStdout(target),
                    out -> {
                      assertThat(System.out).isSameAs(target);
                      throw boom;
                    }))
        .isSameAs(boom);
    assertThat(System.out).isSameAs(original);
    assertThat(boom.getSuppressed()).isEmpty();
  }

  @Test
  void redirectStderr_exitReturnsFalse_whenGivenAnException() throws Exception {
    PrintStream original = System.err;
    PrintStream target = new PrintStream(new ByteArrayOutputStream(), true, UTF_8);
    ContextManager<PrintStream> redirect = Contexts.redirectStderr(target);
    redirect.enter();
    assertThat(redirect.exit(new Boom("x"))).isFalse();
    assertThat(System.err).isSameAs(original);
  }

  /** A resource that records its closes and may fail them. */
  private static final class Resource implements AutoCloseable {
    final List<String> log = new ArrayList<>();
    private final @Nullable RuntimeException failure;

    Resource(@Nullable RuntimeException failure) {
      this.failure = failure;
    }

    @Override
    public void close() {
      log.add("closed");
      if (failure != null) {
        throw failure;
      }
    }
  }

  @Test
  void closing_exitCalledDirectly_closesOnce_andReturnsFalse_whenNothingIsInFlight()
      throws Exception {
    Resource resource = new Resource(null);
    ContextManager<Resource> closing = Contexts.closing(resource);
    assertThat(closing.enter()).isSameAs(resource);
    assertThat(closing.exit(null)).isFalse();
    assertThat(resource.log).containsExactly("closed");
  }

  @Test
  void
      closing_exitCalledDirectly_returnsFalse_andAttachesTheCloseFailure_whenAnExceptionIsInFlight()
          throws Exception {
    Boom closeFailure = new Boom("close");
    Resource resource = new Resource(closeFailure);
    Boom body = new Boom("body");
    assertThat(Contexts.closing(resource).exit(body)).isFalse(); // body continues
    assertThat(resource.log).containsExactly("closed");
    assertThat(body.getSuppressed()).containsExactly(closeFailure);
    assertThat(closeFailure.getSuppressed()).isEmpty();
  }

  @Test
  void closing_exitCalledDirectly_throwsTheCloseFailure_whenNothingIsInFlight() {
    Boom closeFailure = new Boom("close");
    Resource resource = new Resource(closeFailure);
    assertThatThrownBy(() -> Contexts.closing(resource).exit(null)).isSameAs(closeFailure);
    assertThat(resource.log).containsExactly("closed");
    assertThat(closeFailure.getSuppressed()).isEmpty();
  }
}
