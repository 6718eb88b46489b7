/**
 * JMH benchmarks: the cost of registering and closing N cheap resources with {@link
 * org.contextlib4j.ExitStack}, next to a hand-written flat {@code try}/{@code finally}, nested
 * try-with-resources, Guava's {@code Closer} and Scala's {@code Using.Manager}.
 *
 * <p>Start at {@link org.contextlib4j.benchmarks.CleanupBenchmark}; the code of each variant is in
 * {@link org.contextlib4j.benchmarks.Variants}. Results and how to rerun them: {@code
 * docs/benchmarks.md}.
 */
@NullMarked
package org.contextlib4j.benchmarks;

import org.jspecify.annotations.NullMarked;
