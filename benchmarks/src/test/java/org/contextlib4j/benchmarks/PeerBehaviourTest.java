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
package org.contextlib4j.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.common.io.Closer;
import java.io.Closeable;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.contextlib4j.ExitStack;
import org.junit.jupiter.api.Test;
import scala.runtime.BoxedUnit;
import scala.util.Try;
import scala.util.Using;

/**
 * The README's comparison table, checked for the two JVM peers: each test is one cell of the table
 * for Guava's {@code Closer} and Scala's {@code Using.Manager}, asserting what the peer does.
 */
class PeerBehaviourTest {

  static final class Checked extends Exception {
    private static final long serialVersionUID = 1L;

    Checked(String message) {
      super(message);
    }
  }

  private final List<String> log = new ArrayList<>();

  private Closeable closeable(String name, boolean fails) {
    return () -> {
      log.add(name);
      if (fails) {
        throw new IOException(name);
      }
    };
  }

  // --- Guava Closer
  // --------------------------------------------------------------------------------

  @Test
  void closer_closesLifoEachOnce_andKeepsTheBodysExceptionWithFailuresSuppressed() {
    Closer closer = Closer.create();
    IllegalStateException body = new IllegalStateException("body");
    Throwable thrown =
        catchThrowable(
            () -> {
              try {
                closer.register(closeable("a", true));
                closer.register(closeable("b", true));
                throw body;
              } catch (Throwable t) {
                throw closer.rethrow(t);
              } finally {
                closer.close();
              }
            });
    assertThat(log).containsExactly("b", "a");
    assertThat(thrown).isSameAs(body);
    assertThat(thrown.getSuppressed()).extracting(Throwable::getMessage).containsExactly("b", "a");
  }

  @Test
  void closer_wrapsACheckedBodyExceptionThatIsNotAnIOException() {
    Closer closer = Closer.create();
    Checked body = new Checked("body");
    Throwable thrown =
        catchThrowable(
            () -> {
              try {
                closer.register(closeable("a", false));
                throw body;
              } catch (Throwable t) {
                throw closer.rethrow(t);
              } finally {
                closer.close();
              }
            });
    assertThat(thrown).isNotSameAs(body).isInstanceOf(RuntimeException.class).hasCause(body);
  }

  @Test
  void closer_cleanupsSeeNothingOfTheFailure_andHaveNoWayToSuppressOrHandOver() {
    // Closer registers java.io.Closeable (close() takes nothing, returns nothing), and its only
    // public methods are create, register, rethrow and close: no pop_all-like hand-over.
    List<String> methods = new ArrayList<>();
    for (Method m : Closer.class.getDeclaredMethods()) {
      if (Modifier.isPublic(m.getModifiers())) {
        methods.add(m.getName());
      }
    }
    assertThat(methods).containsOnly("create", "register", "rethrow", "close");
  }

  // --- Scala Using.Manager
  // -------------------------------------------------------------------------

  @Test
  void usingManager_releasesLifoEachOnce_andReturnsTheBodysExceptionInATry() {
    IllegalStateException body = new IllegalStateException("body");
    Using.Releasable<Closeable> releasable =
        resource -> {
          try {
            resource.close();
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        };
    Try<BoxedUnit> result =
        Using.Manager$.MODULE$.apply(
            manager -> {
              manager.acquire(closeable("a", true), releasable);
              manager.acquire(closeable("b", true), releasable);
              throw body;
            });
    assertThat(log).containsExactly("b", "a");
    assertThat(result.isFailure()).isTrue();
    Throwable failure = result.failed().get();
    assertThat(failure).isSameAs(body);
    assertThat(Arrays.asList(failure.getSuppressed())).hasSize(2);
  }

  @Test
  void usingManager_releasersSeeNothingOfTheFailure() {
    // Using.Releasable has exactly one abstract method: release(resource). No failure parameter, no
    // result: a release cannot see, suppress or replace the body's exception.
    List<Method> abstractMethods = new ArrayList<>();
    for (Method m : Using.Releasable.class.getMethods()) {
      if (Modifier.isAbstract(m.getModifiers())) {
        abstractMethods.add(m);
      }
    }
    assertThat(abstractMethods).hasSize(1);
    assertThat(abstractMethods.get(0).getName()).isEqualTo("release");
    assertThat(abstractMethods.get(0).getParameterCount()).isEqualTo(1);
    assertThat(abstractMethods.get(0).getReturnType()).isEqualTo(void.class);
  }

  // --- contextlib4j, for the same cells
  // ------------------------------------------------------------

  @Test
  void exitStack_propagatesACheckedBodyExceptionAsItself_andItsExitsSeeIt() {
    Checked body = new Checked("body");
    List<Throwable> seen = new ArrayList<>();
    Throwable thrown =
        catchThrowable(
            () -> {
              ExitStack stack = new ExitStack();
              stack.register(closeable("a", true));
              stack.push(
                  failure -> {
                    seen.add(failure);
                    return false;
                  });
              stack.close(body);
            });
    assertThat(thrown).isSameAs(body);
    assertThat(seen).containsExactly(body);
    assertThat(body.getSuppressed()).extracting(Throwable::getMessage).containsExactly("a");
  }
}
