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
/**
 * JMH benchmarks of the library against hand-written code and library peers.
 *
 * <ul>
 *   <li>{@link org.contextlib4j.benchmarks.CleanupBenchmark}: registering and closing N cheap
 *       resources with {@link org.contextlib4j.ExitStack}, next to a hand-written flat {@code
 *       try}/{@code finally}, nested try-with-resources, Guava's {@code Closer} and Scala's {@code
 *       Using.Manager}; the code of each variant is in {@link
 *       org.contextlib4j.benchmarks.Variants};
 *   <li>{@link org.contextlib4j.benchmarks.UnwindScalingBenchmark}: unwinding stays linear up to a
 *       million entries and a hundred thousand nested stacks;
 *   <li>{@link org.contextlib4j.benchmarks.GeneratorBenchmark}: generator-style managers in
 *       callback and split mode;
 *   <li>{@link org.contextlib4j.benchmarks.AsyncBenchmark}: {@link org.contextlib4j.AsyncExitStack}
 *       against a hand-written {@code CompletableFuture} chain ({@link
 *       org.contextlib4j.benchmarks.AsyncVariants}).
 * </ul>
 *
 * <p>Results and how to rerun them: {@code docs/benchmarks.md}.
 */
@NullMarked
package org.contextlib4j.benchmarks;

import org.jspecify.annotations.NullMarked;
