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
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** CPython's {@code TestAbstractContextManager}, ported. */
class AbstractContextManagerTest {

  private static final class DefaultEnter extends AbstractContextManager<DefaultEnter> {
    @Override
    public boolean exit(@Nullable Throwable failure) {
      return false;
    }
  }

  // CPython: TestAbstractContextManager.test_enter
  @Test
  void enterReturnsTheManagerItself_whenTheSubclassDoesNotOverrideIt() {
    DefaultEnter manager = new DefaultEnter();

    assertThat(manager.enter()).isSameAs(manager);
    DefaultEnter entered = Contexts.with(manager, value -> value);
    assertThat(entered).isSameAs(manager);
  }

  // CPython: TestAbstractContextManager.test_exit_is_abstract
  // Python raises TypeError when a subclass without __exit__ is instantiated; in Java such a
  // subclass does not compile, as long as the base class leaves exit abstract. That is checked.
  @Test
  void exitIsLeftAbstract_soEverySubclassMustImplementIt() throws NoSuchMethodException {
    Method exit = AbstractContextManager.class.getMethod("exit", Throwable.class);

    assertThat(Modifier.isAbstract(AbstractContextManager.class.getModifiers())).isTrue();
    assertThat(Modifier.isAbstract(exit.getModifiers())).isTrue();
    assertThat(exit.isDefault()).isFalse();
  }
}
