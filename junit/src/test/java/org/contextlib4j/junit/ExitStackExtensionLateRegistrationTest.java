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
package org.contextlib4j.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.contextlib4j.junit.ExitStackExtensionTest.SEEN;
import static org.contextlib4j.junit.ExitStackExtensionTest.run;
import static org.contextlib4j.junit.ExitStackExtensionTest.see;
import static org.contextlib4j.junit.ExitStackExtensionTest.seen;

import java.util.Map;
import org.contextlib4j.ExitStack;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * {@link ExitStackExtension}: a cleanup registered after its callback still runs when JUnit closes
 * the context's store (found by a review). The first unwinding used to take the sync and async
 * stacks off the root, so such a cleanup was lost. It also checks that JUnit closes the stored
 * stacks at all: JUnit 5.10 to 5.12 close only a {@code CloseableResource}, 5.13 and later an
 * {@link AutoCloseable}.
 */
class ExitStackExtensionLateRegistrationTest {

  @BeforeEach
  void clear() {
    SEEN.clear();
  }

  /** Registered before ExitStackExtension, so its afterEach runs after the extension's. */
  static final class LateRegistrar implements AfterEachCallback {
    @Override
    public void afterEach(ExtensionContext context) throws Exception {
      LateFixture test = (LateFixture) context.getRequiredTestInstance();
      ExitStack stack = test.stack;
      if (stack != null) {
        stack.callback(() -> see("late", "registeredAfterTheCallback", null));
      }
    }
  }

  @ExtendWith({
    ExitStackExtensionTest.OnlyInTestKit.class,
    LateRegistrar.class,
    ExitStackExtension.class
  })
  static class LateFixture {
    @Nullable ExitStack stack;

    @Test
    void keepsTheStack(ExitStack stack) {
      this.stack = stack;
      stack.callback(() -> see("early", "keepsTheStack", null));
    }
  }

  @Test
  void cleanupRegisteredAfterTheCallback_isRunWhenTheStoreIsClosed() {
    EngineExecutionResults results = run(LateFixture.class, Map.of());
    results.testEvents().assertStatistics(s -> s.started(1).succeeded(1));

    assertThat(seen("early")).hasSize(1);
    assertThat(seen("late")).hasSize(1);
  }

  @Test
  void cleanupRegisteredAfterTheCallback_isRunWhenTheStoreIsClosed_withAutoCloseDisabled() {
    // From JUnit 5.13 on, this parameter makes the store close only CloseableResource values.
    EngineExecutionResults results =
        run(
            LateFixture.class,
            Map.of("junit.jupiter.extensions.store.close.autocloseable.enabled", "false"));
    results.testEvents().assertStatistics(s -> s.started(1).succeeded(1));

    assertThat(seen("late")).hasSize(1);
  }
}
