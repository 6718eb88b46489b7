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
