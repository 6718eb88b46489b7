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

import java.io.Closeable;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import scala.util.Using;

/**
 * Every benchmarked variant must do the same work: close each resource once, in reverse order, and
 * report failures exactly as nested try-with-resources does.
 */
class VariantsTest {

  /** A variant under test; its block throws {@code failure} unless it is null. */
  private interface Variant {
    void run(Probe[] resources, int n, @Nullable RuntimeException failure) throws Exception;
  }

  private static final Using.Releasable<Probe> RELEASABLE = Probe::close;

  private static Stream<Arguments> variants() {
    return Stream.of(
        Arguments.of("exitStack", (Variant) Variants::exitStack),
        Arguments.of("exitStackCallback", (Variant) Variants::exitStackCallback),
        Arguments.of(
            "exitStackEnterContext",
            (Variant) (r, n, f) -> Variants.exitStackEnterContext(Variants.managers(r), n, f)),
        Arguments.of("runRegister", (Variant) Variants::runRegister),
        Arguments.of("runCallback", (Variant) Variants::runCallback),
        Arguments.of(
            "runEnterContext",
            (Variant) (r, n, f) -> Variants.runEnterContext(Variants.managers(r), n, f)),
        Arguments.of("concurrentExitStack", (Variant) Variants::concurrentExitStack),
        Arguments.of("concurrentExitStackShared", (Variant) Variants::concurrentExitStackShared),
        Arguments.of("flat", (Variant) Variants::flat),
        Arguments.of("arrayStack", (Variant) Variants::arrayStack),
        Arguments.of("nested", (Variant) Variants::nested),
        Arguments.of(
            "nestedRecursive", (Variant) (r, n, f) -> Variants.nestedRecursive(r, 0, n, f)),
        Arguments.of("nestedStacks", (Variant) Variants::nestedStacks),
        Arguments.of("guavaCloser", (Variant) Variants::guavaCloser),
        Arguments.of(
            "scalaUsing", (Variant) (r, n, f) -> Variants.scalaUsing(r, n, f, RELEASABLE)));
  }

  private static Stream<Arguments> variantsAndSizes() {
    return variants()
        .flatMap(
            v ->
                IntStream.of(0, 1, 2, 4, 5, 8, 16, 17, 64, 256, 4096)
                    .mapToObj(n -> Arguments.of(v.get()[0], v.get()[1], n)));
  }

  @ParameterizedTest(name = "{0} n={2}")
  @MethodSource("variantsAndSizes")
  void closesEachResourceOnceInReverse_whenNoCloseThrows(String name, Variant variant, int n)
      throws Exception {
    List<Integer> log = new ArrayList<>();
    Probe[] probes = probes(n + 1, log, new boolean[n + 1], new Random(0));

    variant.run(probes, n, null);

    assertThat(log).containsExactlyElementsOf(reversed(n));
  }

  @ParameterizedTest(name = "{0} n={2}")
  @MethodSource("variantsAndSizes")
  void closesEachResourceOnceInReverse_andTheBlocksFailureComesOut_whenTheBlockThrows(
      String name, Variant variant, int n) {
    List<Integer> log = new ArrayList<>();
    Probe[] probes = probes(n + 1, log, new boolean[n + 1], new Random(0));
    IllegalStateException failure = new IllegalStateException("block");

    Throwable thrown = catchThrowable(() -> variant.run(probes, n, failure));

    assertThat(thrown).isSameAs(failure);
    assertThat(failure.getSuppressed()).isEmpty();
    assertThat(log).containsExactlyElementsOf(reversed(n));
  }

  /** n - 1, n - 2, ..., 0. */
  private static List<Integer> reversed(int n) {
    return IntStream.range(0, n).map(i -> n - 1 - i).boxed().toList();
  }

  private static Stream<Arguments> variantsAndSeeds() {
    return variants()
        .flatMap(
            v ->
                IntStream.range(0, 40)
                    .mapToObj(seed -> Arguments.of(v.get()[0], v.get()[1], 1000L + seed)));
  }

  @ParameterizedTest(name = "{0} seed={2}")
  @MethodSource("variantsAndSeeds")
  void failsLikeNestedTryWithResources_whenSomeClosesThrow(
      String name, Variant variant, long seed) {
    Random random = new Random(seed);
    int n = random.nextInt(20) + 1;
    boolean[] throwing = new boolean[n];
    for (int i = 0; i < n; i++) {
      throwing[i] = random.nextInt(3) == 0;
    }
    List<Integer> expectedLog = new ArrayList<>();
    boolean blockFails = random.nextBoolean();
    Probe[] reference = probes(n, expectedLog, throwing, new Random(seed));
    RuntimeException referenceFailure = blockFails ? new IllegalStateException("block") : null;
    Throwable expected =
        catchThrowable(() -> Variants.nestedRecursive(reference, 0, n, referenceFailure));
    List<Integer> log = new ArrayList<>();
    Probe[] probes = probes(n, log, throwing, new Random(seed));
    RuntimeException failure = blockFails ? new IllegalStateException("block") : null;

    Throwable actual = catchThrowable(() -> variant.run(probes, n, failure));

    assertThat(log).isEqualTo(expectedLog);
    if (blockFails) {
      // The block's failure comes out with every close failure reachable, in closing order. A
      // stack closed by try-with-resources nests them one level deeper (its close never saw the
      // block's failure: the first close failure holds the later ones, and try-with-resources
      // attaches it to the block's), so the order is compared over the whole suppressed tree.
      assertThat(expected).isSameAs(referenceFailure);
      assertThat(actual).isSameAs(failure);
      assertThat(allSuppressed(actual, probes)).isEqualTo(allSuppressed(expected, reference));
    } else {
      assertThat(indexOf(actual, probes)).isEqualTo(indexOf(expected, reference));
      if (actual != null && expected != null) {
        assertThat(directlySuppressed(actual, probes))
            .isEqualTo(directlySuppressed(expected, reference));
      }
    }
  }

  /** The probes whose failures {@code t} holds directly as suppressed, by index. */
  private static List<Integer> directlySuppressed(Throwable t, Probe[] probes) {
    return Stream.of(t.getSuppressed()).map(s -> indexOf(s, probes)).toList();
  }

  /** The probes whose failures are in {@code t}'s suppressed tree, by index, in preorder. */
  private static List<Integer> allSuppressed(@Nullable Throwable t, Probe[] probes) {
    List<Integer> found = new ArrayList<>();
    if (t != null) {
      for (Throwable s : t.getSuppressed()) {
        found.add(indexOf(s, probes));
        found.addAll(allSuppressed(s, probes));
      }
    }
    return found;
  }

  private static Probe[] probes(int count, List<Integer> log, boolean[] throwing, Random random) {
    Probe[] probes = new Probe[count];
    for (int i = 0; i < count; i++) {
      Throwable failure = null;
      if (throwing[i]) {
        failure =
            random.nextBoolean()
                ? new IllegalStateException("close " + i)
                : new AssertionError("close " + i);
      }
      probes[i] = new Probe(i, log, failure);
    }
    return probes;
  }

  /** The index of the probe that threw {@code t}, or -1 for none. */
  private static int indexOf(@Nullable Throwable t, Probe[] probes) {
    for (int i = 0; i < probes.length; i++) {
      if (t != null && probes[i].failure == t) {
        return i;
      }
    }
    return -1;
  }

  /** A resource that logs its close and may throw a preset unchecked exception or error. */
  private static final class Probe implements Closeable {
    final int id;
    final List<Integer> log;
    final @Nullable Throwable failure;

    Probe(int id, List<Integer> log, @Nullable Throwable failure) {
      this.id = id;
      this.log = log;
      this.failure = failure;
    }

    @Override
    public void close() {
      log.add(id);
      if (failure instanceof RuntimeException e) {
        throw e;
      }
      if (failure instanceof Error e) {
        throw e;
      }
    }
  }
}
