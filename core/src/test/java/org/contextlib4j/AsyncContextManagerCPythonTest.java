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

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;

/**
 * CPython's {@code TestAbstractAsyncContextManager}. Most of it is about Python's abstract base
 * class ({@code __subclasshook__}, a default {@code __aenter__}) and async generators; see
 * docs/conformance.md for the methods that are not applicable.
 */
class AsyncContextManagerCPythonTest {

  // CPython: TestAbstractAsyncContextManager.test_exit_is_abstract
  // Python raises TypeError when a subclass without __aexit__ is instantiated; in Java a class
  // without exitAsync does not compile as long as the interface leaves it abstract (no default).
  // Unlike AbstractAsyncContextManager, enterAsync has no default either.
  @Test
  void exitAsyncIsLeftAbstract_soEveryImplementationMustProvideIt() throws NoSuchMethodException {
    Method exit = AsyncContextManager.class.getMethod("exitAsync", Throwable.class);
    Method enter = AsyncContextManager.class.getMethod("enterAsync");

    assertThat(AsyncContextManager.class.isInterface()).isTrue();
    assertThat(Modifier.isAbstract(exit.getModifiers())).isTrue();
    assertThat(exit.isDefault()).isFalse();
    assertThat(Modifier.isAbstract(enter.getModifiers())).isTrue();
    assertThat(enter.isDefault()).isFalse();
  }
}
