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
 * A JUnit Jupiter extension for contextlib4j. Start with {@link
 * org.contextlib4j.junit.ExitStackExtension}: register it with
 * {@code @ExtendWith(ExitStackExtension.class)} and declare an {@link org.contextlib4j.ExitStack}
 * or {@link org.contextlib4j.AsyncExitStack} parameter.
 *
 * <p>Unless noted, passing {@code null} to any method in this package throws a {@link
 * java.lang.NullPointerException}.
 */
@NullMarked
package org.contextlib4j.junit;

import org.jspecify.annotations.NullMarked;
