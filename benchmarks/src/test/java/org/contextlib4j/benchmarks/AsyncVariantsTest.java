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
package org.contextlib4j.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.contextlib4j.AsyncCleanupAction;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The async variants must do the same work: run each cleanup once, in reverse order, and report
 * failures as the library's {@code AsyncExitStack} does (the first failure propagates, the later
 * ones are attached to it). The naive chain is only checked without failures: it is documented as
 * stopping at the first one, and a test shows that.
 */
class AsyncVariantsTest {

  /** A variant under test. */
  private interface Variant {
    void run(AsyncCleanupAction[] actions, int n);
  }

  private static Stream<Arguments> sizes() {
    Stream<Arguments> correct =
        Stream.of(
            Arguments.of("asyncExitStack", (Variant) AsyncVariants::asyncExitStack),
            Arguments.of("handWrittenChain", (Variant) AsyncVariants::handWrittenChain),
            Arguments.of("naiveChain", (Variant) AsyncVariants::naiveChain));
    return correct.flatMap(
        v -> IntStream.of(0, 1, 2, 16, 256).mapToObj(n -> Arguments.of(v.get()[0], v.get()[1], n)));
  }

  @ParameterizedTest(name = "{0} n={2}")
  @MethodSource("sizes")
  void runsEachCleanupOnceInReverse_whenNoneFails(String name, Variant variant, int n) {
    List<Integer> log = new ArrayList<>();
    Probe[] probes = probes(n + 1, log, new int[n + 1]);

    variant.run(probes, n);

    assertThat(log)
        .containsExactlyElementsOf(IntStream.range(0, n).map(i -> n - 1 - i).boxed().toList());
  }

  private static Stream<Long> seeds() {
    return IntStream.range(0, 60).mapToObj(seed -> 2000L + seed);
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void handWrittenChainFailsLikeTheAsyncExitStack_whenSomeCleanupsFail(long seed) {
    Random random = new Random(seed);
    int n = random.nextInt(20) + 1;
    int[] modes = new int[n];
    for (int i = 0; i < n; i++) {
      modes[i] = random.nextInt(6); // 0-2 succeed; 3 throws; 4 fails its stage; 5 throws an Error
    }
    List<Integer> expectedLog = new ArrayList<>();
    Probe[] reference = probes(n, expectedLog, modes);
    Throwable expected = unwrap(catchThrowable(() -> AsyncVariants.asyncExitStack(reference, n)));
    List<Integer> log = new ArrayList<>();
    Probe[] probes = probes(n, log, modes);

    Throwable actual = unwrap(catchThrowable(() -> AsyncVariants.handWrittenChain(probes, n)));

    assertThat(log).isEqualTo(expectedLog);
    assertThat(indexOf(actual, probes)).isEqualTo(indexOf(expected, reference));
    if (actual != null && expected != null) {
      assertThat(Stream.of(actual.getSuppressed()).map(t -> indexOf(t, probes)).toList())
          .isEqualTo(Stream.of(expected.getSuppressed()).map(t -> indexOf(t, reference)).toList());
    }
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void asyncExitStackRunsEveryCleanup_whenSomeFail(long seed) {
    // Guards the comparison above against a trivially equal pair: the reference runs all of them.
    Random random = new Random(seed);
    int n = random.nextInt(20) + 1;
    int[] modes = IntStream.range(0, n).map(i -> random.nextInt(6)).toArray();
    List<Integer> log = new ArrayList<>();

    Throwable thrown = catchThrowable(() -> AsyncVariants.asyncExitStack(probes(n, log, modes), n));

    assertThat(log).hasSize(n);
    assertThat(thrown == null).isEqualTo(IntStream.of(modes).allMatch(mode -> mode < 3));
  }

  @Test
  void naiveChainSkipsTheRemainingCleanups_whenOneFails() {
    List<Integer> log = new ArrayList<>();
    Probe[] probes = probes(3, log, new int[] {0, 3, 0});

    Throwable thrown = unwrap(catchThrowable(() -> AsyncVariants.naiveChain(probes, 3)));

    assertThat(thrown).isSameAs(probes[1].failure);
    assertThat(log).containsExactly(2, 1);
  }

  private static @Nullable Throwable unwrap(@Nullable Throwable t) {
    return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
  }

  private static Probe[] probes(int count, List<Integer> log, int[] modes) {
    Probe[] probes = new Probe[count];
    for (int i = 0; i < count; i++) {
      Throwable failure =
          switch (modes[i]) {
            case 3, 4 -> new IllegalStateException("cleanup " + i);
            case 5 -> new AssertionError("cleanup " + i);
            default -> null;
          };
      probes[i] = new Probe(i, log, failure, modes[i] == 4);
    }
    return probes;
  }

  /** The index of the probe whose failure is {@code t}, or -1 for none. */
  private static int indexOf(@Nullable Throwable t, Probe[] probes) {
    for (int i = 0; i < probes.length; i++) {
      if (t != null && probes[i].failure == t) {
        return i;
      }
    }
    return -1;
  }

  /** An async cleanup that logs its start and may throw, or fail its stage, with a preset error. */
  private static final class Probe implements AsyncCleanupAction {
    final int id;
    final List<Integer> log;
    final @Nullable Throwable failure;
    final boolean failStage;

    Probe(int id, List<Integer> log, @Nullable Throwable failure, boolean failStage) {
      this.id = id;
      this.log = log;
      this.failure = failure;
      this.failStage = failStage;
    }

    @Override
    public CompletionStage<?> runAsync() {
      log.add(id);
      if (failure != null && failStage) {
        return CompletableFuture.failedFuture(failure);
      }
      if (failure instanceof RuntimeException e) {
        throw e;
      }
      if (failure instanceof Error e) {
        throw e;
      }
      return CompletableFuture.completedFuture(null);
    }
  }
}
