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
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.contextlib4j.Contexts.resource;
import static org.contextlib4j.Contexts.run;
import static org.contextlib4j.Contexts.with;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@link Contexts#resource(Callable, ResourceCleanup)} and its outcome-aware form {@link
 * Contexts#resource(Callable, ResourceExit)} (issue 13).
 */
class ResourceTest {

  private final List<String> log = new ArrayList<>();
  private final AtomicInteger acquired = new AtomicInteger();

  private Callable<String> acquire() {
    return () -> {
      String r = "r" + acquired.incrementAndGet();
      log.add("acquire " + r);
      return r;
    };
  }

  /** Runs a body that throws {@code body} inside {@code manager}; returns what propagated. */
  private static Throwable runFailing(ContextManager<String> manager, RuntimeException body) {
    return catchThrowable(
        () ->
            run(
                manager,
                r -> {
                  throw body;
                }));
  }

  @Test
  void acquiresOnEnter_andReleasesTheResourceOnExit() {
    String result =
        with(
            resource(acquire(), r -> log.add("release " + r)),
            r -> {
              log.add("body " + r);
              return "done";
            });

    assertThat(result).isEqualTo("done");
    assertThat(log).containsExactly("acquire r1", "body r1", "release r1");
  }

  @Test
  void aFailingRelease_isAPlainCleanup_attachedToTheBodysException() {
    IOException releaseFailed = new IOException("release failed");
    IllegalStateException body = new IllegalStateException("body");
    ContextManager<String> manager =
        resource(
            acquire(),
            r -> {
              throw releaseFailed;
            });

    Throwable thrown = runFailing(manager, body);

    assertThat(thrown).isSameAs(body);
    assertThat(body.getSuppressed()).containsExactly(releaseFailed);
  }

  @Test
  void aFailingRelease_propagates_whenTheBodyCompleted() {
    IOException releaseFailed = new IOException("release failed");

    Throwable thrown =
        catchThrowable(
            () ->
                run(
                    resource(
                        acquire(),
                        r -> {
                          throw releaseFailed;
                        }),
                    r -> log.add("body")));

    assertThat(thrown).isSameAs(releaseFailed);
  }

  @Test
  void aFailingAcquire_runsNeitherBodyNorRelease() {
    IOException acquireFailed = new IOException("acquire failed");
    ContextManager<String> manager =
        resource(
            () -> {
              throw acquireFailed;
            },
            r -> log.add("release"));

    Throwable thrown = catchThrowable(() -> run(manager, r -> log.add("body")));

    assertThat(thrown).isSameAs(acquireFailed);
    assertThat(log).isEmpty();
  }

  @Test
  void isReentrant_eachExitReleasesTheMostRecentResource() {
    ContextManager<String> manager = resource(acquire(), r -> log.add("release " + r));

    run(manager, outer -> run(manager, inner -> log.add("body " + outer + " " + inner)));

    assertThat(log)
        .containsExactly("acquire r1", "acquire r2", "body r1 r2", "release r2", "release r1");
  }

  @Test
  void anExitWithoutAnEnter_throwsIllegalStateException() throws Exception {
    ContextManager<String> manager = resource(acquire(), r -> log.add("release " + r));

    assertThatIllegalStateException()
        .isThrownBy(() -> manager.exit(null))
        .withMessage("resource: exit without a matching enter");
    assertThat(log).isEmpty();
  }

  @Test
  void onAStack_itIsAPlainCleanup_inLifoOrder() {
    ExitStack stack = new ExitStack();
    stack.callback(() -> log.add("older"));
    String r = stack.enterContext(resource(acquire(), v -> log.add("release " + v)));
    stack.callback(() -> log.add("newer"));

    stack.close();

    assertThat(r).isEqualTo("r1");
    assertThat(log).containsExactly("acquire r1", "newer", "release r1", "older");
  }

  @Test
  void theOutcomeAwareRelease_seesTheBodysException_andCannotSuppressIt() {
    IllegalStateException body = new IllegalStateException("body");
    ContextManager<String> manager =
        resource(acquire(), (r, failure) -> log.add("release " + r + " saw " + failure));

    Throwable thrown = runFailing(manager, body);
    run(manager, r -> log.add("body " + r));

    assertThat(thrown).isSameAs(body);
    assertThat(log)
        .containsExactly(
            "acquire r1", "release r1 saw " + body, "acquire r2", "body r2", "release r2 saw null");
  }

  @Test
  void theOutcomeAwareRelease_thatThrows_replacesTheBodysException_whichIsAttached() {
    IllegalStateException body = new IllegalStateException("body");
    IOException rollbackFailed = new IOException("rollback failed");
    ContextManager<String> manager =
        resource(
            acquire(),
            (r, failure) -> {
              throw rollbackFailed;
            });

    Throwable thrown = runFailing(manager, body);

    assertThat(thrown).isSameAs(rollbackFailed);
    assertThat(rollbackFailed.getSuppressed()).containsExactly(body);
  }

  @Test
  void rejectsNulls_namingTheParameter() {
    ResourceCleanup<String> release = r -> {};
    ResourceExit<String> exit = (r, f) -> {};

    assertThatNullPointerException()
        .isThrownBy(() -> resource(null, release))
        .withMessage("acquire cannot be null");
    assertThatNullPointerException()
        .isThrownBy(() -> resource(acquire(), (ResourceCleanup<String>) null))
        .withMessage("release cannot be null");
    assertThatNullPointerException()
        .isThrownBy(() -> resource(null, exit))
        .withMessage("acquire cannot be null");
    assertThatNullPointerException()
        .isThrownBy(() -> resource(acquire(), (ResourceExit<String>) null))
        .withMessage("release cannot be null");
  }
}
