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

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

/**
 * CPython's {@code TestRedirectStream}, the base shared by {@code TestRedirectStdout} and {@code
 * TestRedirectStderr}, ported. Python's {@code io.StringIO} is a {@link PrintStream} over a byte
 * buffer; {@code print(..., file=sys.stdout)} writes to whatever {@link #current()} returns at that
 * moment, as Python looks up {@code sys.stdout} at call time.
 */
abstract class RedirectStreamContract {

  /** The manager under test, redirecting to {@code target}. */
  abstract ContextManager<PrintStream> redirect(PrintStream target);

  /** The JVM-wide stream the manager swaps ({@code System.out} or {@code System.err}). */
  abstract PrintStream current();

  private static PrintStream newTarget(ByteArrayOutputStream bytes) {
    return new PrintStream(bytes, true, UTF_8);
  }

  // CPython: TestRedirectStream.test_no_redirect_in_init
  @Test
  void leavesTheStreamAlone_whenTheManagerIsOnlyCreated() {
    PrintStream orig = current();

    ContextManager<PrintStream> created = redirect(newTarget(new ByteArrayOutputStream()));

    assertThat(created).isNotNull();
    assertThat(current()).isSameAs(orig);
  }

  // CPython: TestRedirectStream.test_redirect_to_string_io
  @Test
  void sendsOutputToTheTargetAndRestoresTheStream_whenTheBlockEnds() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    String msg = "Consider an API like help(), which prints directly to stdout";
    PrintStream orig = current();

    Contexts.run(redirect(newTarget(bytes)), ignored -> current().println(msg));

    assertThat(current()).isSameAs(orig);
    assertThat(bytes.toString(UTF_8).strip()).isEqualTo(msg);
  }

  // CPython: TestRedirectStream.test_enter_result_is_target
  @Test
  void entersToTheTarget_always() {
    PrintStream target = newTarget(new ByteArrayOutputStream());

    PrintStream enterResult = Contexts.with(redirect(target), value -> value);

    assertThat(enterResult).isSameAs(target);
  }

  // CPython: TestRedirectStream.test_cm_is_reusable
  @Test
  void redirectsEachTime_whenOneInstanceIsUsedTwiceInARow() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ContextManager<PrintStream> writeToF = redirect(newTarget(bytes));
    PrintStream orig = current();

    Contexts.run(writeToF, ignored -> current().print("Hello "));
    Contexts.run(writeToF, ignored -> current().print("World!\n"));

    assertThat(current()).isSameAs(orig);
    assertThat(bytes.toString(UTF_8)).isEqualTo("Hello World!\n");
  }

  // CPython: TestRedirectStream.test_cm_is_reentrant
  @Test
  void restoresTheOriginalStream_whenOneInstanceIsNestedInItself() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ContextManager<PrintStream> writeToF = redirect(newTarget(bytes));
    PrintStream orig = current();

    Contexts.run(
        writeToF,
        outer -> {
          current().print("Hello ");
          Contexts.run(writeToF, inner -> current().print("World!\n"));
        });

    assertThat(current()).isSameAs(orig);
    assertThat(bytes.toString(UTF_8)).isEqualTo("Hello World!\n");
  }
}
