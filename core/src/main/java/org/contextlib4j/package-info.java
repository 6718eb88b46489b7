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
 * Python's {@code contextlib} for Java: cleanup that knows how the block ended.
 *
 * <p>Start with {@link org.contextlib4j.ExitStack}, a dynamic LIFO stack of cleanups that behaves
 * like nested try-with-resources, and {@link org.contextlib4j.Contexts}, the static factories and
 * the {@code with} statement. A {@link org.contextlib4j.ContextManager} is a resource whose exit
 * sees the exception in flight and may suppress or replace it; an {@link
 * org.contextlib4j.ExitHandler} is such an exit on its own; a {@link
 * org.contextlib4j.CleanupAction} is a plain cleanup.
 *
 * <p>Also: {@link org.contextlib4j.AsyncExitStack} for {@link java.util.concurrent.CompletionStage}
 * cleanups, {@link org.contextlib4j.ConcurrentExitStack} for registration from many threads, {@link
 * org.contextlib4j.Registration} handles that cancel or run one registration early, and opt-in
 * {@link org.contextlib4j.LeakDetection} for stacks dropped without being closed.
 *
 * <h2 id="exceptions">The exception rule</h2>
 *
 * <p>Every type in this package follows one rule, stated in full on {@link
 * org.contextlib4j.ExitStack}: cleanups run in reverse order of registration, each exactly once; an
 * exception-aware exit sees the exception in flight and may suppress it (return {@code true}) or
 * replace it (throw another, to which the old one is attached as suppressed); a plain cleanup that
 * fails never hides the exception in flight, it is attached to it (the try-with-resources rule).
 * Exceptions always propagate as the same instance, never wrapped.
 *
 * <h2 id="nulls">Nulls</h2>
 *
 * <p>Unless noted, passing {@code null} to any method in this package throws a {@link
 * java.lang.NullPointerException} that names the parameter. The exception in flight is passed to
 * exits as a nullable {@link java.lang.Throwable}: {@code null} means "no exception".
 */
@NullMarked
package org.contextlib4j;

import org.jspecify.annotations.NullMarked;
