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
