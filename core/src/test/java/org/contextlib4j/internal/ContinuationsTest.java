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
package org.contextlib4j.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.lang.invoke.MethodHandle;
import org.junit.jupiter.api.Test;

/** The probe that selects split mode's path once, at class initialisation. */
class ContinuationsTest {

  @Test
  void probe_reportsTheMissingClass_onAJdkWithoutContinuations() {
    MethodHandle[] out = new MethodHandle[4];
    String reason = Continuations.probe("jdk.internal.vm.NoSuchContinuation", "x.Scope", out);
    assertThat(reason).contains("jdk.internal.vm.NoSuchContinuation").contains("JDK 21");
    assertThat(out).containsOnlyNulls();
  }

  @Test
  void probe_reportsTheMissingExport_whenTheClassExistsButIsNotExported() {
    assumeThat(Runtime.version().feature()).isGreaterThanOrEqualTo(21);
    assumeThat(
            Object.class.getModule().isExported("jdk.internal.vm", Continuations.class.getModule()))
        .isFalse();
    MethodHandle[] out = new MethodHandle[4];
    String reason =
        Continuations.probe(
            "jdk.internal.vm.Continuation", "jdk.internal.vm.ContinuationScope", out);
    assertThat(reason).contains("--add-exports java.base/jdk.internal.vm=");
    assertThat(out).containsOnlyNulls();
  }

  @Test
  void probe_findsAllHandles_whenContinuationsWork() {
    assumeThat(Continuations.active()).isTrue();
    MethodHandle[] out = new MethodHandle[4];
    String reason =
        Continuations.probe(
            "jdk.internal.vm.Continuation", "jdk.internal.vm.ContinuationScope", out);
    assertThat(reason).isNull();
    assertThat(out).doesNotContainNull();
  }

  @Test
  void suspend_refusesAContinuationThatIsNotTheOneRunningHere() {
    assumeThat(Continuations.active()).isTrue();
    Object other = Continuations.create(() -> {});
    Throwable[] thrown = new Throwable[1];
    Object[] self = new Object[1];
    self[0] =
        Continuations.create(
            () -> {
              try {
                Continuations.suspend(other);
              } catch (IllegalStateException e) {
                thrown[0] = e;
              }
            });
    Continuations.run(self[0]);
    assertThat(thrown[0]).isInstanceOf(IllegalStateException.class).hasMessageContaining("outside");
  }
}
