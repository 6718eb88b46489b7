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
package org.contextlib4j.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.contextlib4j.Contexts;
import org.contextlib4j.Yielder;
import org.contextlib4j.conformance.ScenarioExceptions.Cls;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class OutcomeTreeTest {

  @Test
  void rendersIdClassCauseAndSuppressedInOrder() {
    Throwable b4 = Cls.E1.create("b4", null);
    b4.addSuppressed(Cls.E3.create("f3", null));
    Throwable h2 = Cls.E2.create("h2-x", b4);
    h2.addSuppressed(Cls.F.create("f5", null));
    h2.addSuppressed(Cls.E1.create("f6", null));

    String tree = Json.write(OutcomeTree.render(h2));

    assertThat(tree)
        .isEqualTo(
            "{\"id\":\"h2-x\",\"cls\":\"E2\",\"kind\":\"Err\",\"cause\":"
                + "{\"id\":\"b4\",\"cls\":\"E1\",\"kind\":\"Err\",\"cause\":null,\"suppressed\":"
                + "[{\"id\":\"f3\",\"cls\":\"E3\",\"kind\":\"Err\",\"cause\":null,\"suppressed\":[]}]},"
                + "\"suppressed\":["
                + "{\"id\":\"f5\",\"cls\":\"F\",\"kind\":\"Err\",\"cause\":null,\"suppressed\":[]},"
                + "{\"id\":\"f6\",\"cls\":\"E1\",\"kind\":\"Err\",\"cause\":null,\"suppressed\":[]}]}");
  }

  @Test
  void rendersAnExceptionOnThePathAsRef() {
    Throwable a = Cls.E1.create("a", null);
    Throwable b = Cls.E3.create("b", null);
    a.addSuppressed(b);
    b.addSuppressed(a);

    String tree = Json.write(OutcomeTree.render(a));

    assertThat(tree)
        .isEqualTo(
            "{\"id\":\"a\",\"cls\":\"E1\",\"kind\":\"Err\",\"cause\":null,\"suppressed\":"
                + "[{\"id\":\"b\",\"cls\":\"E3\",\"kind\":\"Err\",\"cause\":null,\"suppressed\":"
                + "[{\"ref\":\"a\"}]}]}");
  }

  @Test
  void rendersTheSameExceptionInFull_whenItIsOnlyASibling() {
    Throwable shared = Cls.E1.create("s", null);
    Throwable root = Cls.E2.create("r", shared);
    root.addSuppressed(shared);

    String tree = Json.write(OutcomeTree.render(root));

    String sharedTree =
        "{\"id\":\"s\",\"cls\":\"E1\",\"kind\":\"Err\",\"cause\":null,\"suppressed\":[]}";
    assertThat(tree)
        .isEqualTo(
            "{\"id\":\"r\",\"cls\":\"E2\",\"kind\":\"Err\",\"cause\":"
                + sharedTree
                + ",\"suppressed\":["
                + sharedTree
                + "]}");
  }

  @Test
  void rejectsAThrowableNoScenarioRaises() {
    IllegalStateException foreign = new IllegalStateException("library bug");
    Throwable root = Cls.E1.create("b1", null);
    root.addSuppressed(foreign);

    assertThatThrownBy(() -> OutcomeTree.render(root))
        .isInstanceOf(OutcomeTree.UnexpectedThrowableException.class)
        .cause()
        .isSameAs(foreign);
  }

  @Test
  void rendersTheLibrarysGeneratorErrorsByKind() {
    IllegalStateException didntYield =
        catchThrowableOfType(
            IllegalStateException.class, () -> Contexts.contextManager(y -> {}).enter());
    IllegalStateException didntStop =
        catchThrowableOfType(
            IllegalStateException.class,
            () -> Contexts.run(Contexts.contextManager(OutcomeTreeTest::yieldTwice), v -> {}));
    Throwable b1 = Cls.E1.create("b1", null);
    IllegalStateException didntStopAfterThrow =
        catchThrowableOfType(
            IllegalStateException.class,
            () ->
                Contexts.run(
                    Contexts.contextManager(OutcomeTreeTest::swallowAndYieldAgain),
                    v -> {
                      throw b1;
                    }));

    assertThat(Json.write(OutcomeTree.render(didntYield)))
        .isEqualTo(
            "{\"id\":null,\"cls\":null,\"kind\":\"didnt_yield\",\"cause\":null,\"suppressed\":[]}");
    assertThat(Json.write(OutcomeTree.render(didntStop)))
        .isEqualTo(
            "{\"id\":null,\"cls\":null,\"kind\":\"didnt_stop\",\"cause\":null,\"suppressed\":[]}");
    assertThat(Json.write(OutcomeTree.render(didntStopAfterThrow)))
        .isEqualTo(
            "{\"id\":null,\"cls\":null,\"kind\":\"didnt_stop_after_throw\",\"cause\":null,"
                + "\"suppressed\":[{\"id\":\"b1\",\"cls\":\"E1\",\"kind\":\"Err\",\"cause\":null,"
                + "\"suppressed\":[]}]}");
    assertThat(OutcomeTree.label(didntStopAfterThrow)).isEqualTo("didnt_stop_after_throw");
  }

  @Test
  void rejectsAnIllegalStateExceptionWithTheLibrarysMessage_thatTheLibraryDidNotCreate() {
    IllegalStateException lookalike =
        new IllegalStateException(
            "the contextManager body ended without calling yield; a body must call yield exactly"
                + " once");
    IllegalStateException subclass =
        new IllegalStateException(
            "the contextManager body called yield a second time; a body must call yield exactly"
                + " once") {
          private static final long serialVersionUID = 1L;
        };

    assertThat(OutcomeTree.label(lookalike))
        .isEqualTo("unexpected:java.lang.IllegalStateException");
    assertThatThrownBy(() -> OutcomeTree.render(lookalike))
        .isInstanceOf(OutcomeTree.UnexpectedThrowableException.class)
        .cause()
        .isSameAs(lookalike);
    assertThatThrownBy(() -> OutcomeTree.render(subclass))
        .isInstanceOf(OutcomeTree.UnexpectedThrowableException.class)
        .cause()
        .isSameAs(subclass);
  }

  private static void yieldTwice(Yielder<@Nullable Object> y) throws Exception {
    y.yield(y);
    y.yield(y);
  }

  private static void swallowAndYieldAgain(Yielder<@Nullable Object> y) throws Exception {
    try {
      y.yield(y);
    } catch (Throwable swallowed) {
      // suppressed, then it yields again
    }
    y.yield(y);
  }

  @Test
  void labelsScenarioExceptionsByIdAndOthersByClass() {
    assertThat(OutcomeTree.label(null)).isEqualTo("none");
    assertThat(OutcomeTree.label(Cls.F.create("c3-x", null))).isEqualTo("c3-x");
    assertThat(OutcomeTree.label(new IllegalStateException("x")))
        .isEqualTo("unexpected:java.lang.IllegalStateException");
  }

  @Test
  void createsTheDeclaredClassHierarchy() {
    assertThat(Cls.E1.create("a", null)).isInstanceOf(RuntimeException.class);
    assertThat(Cls.E2.create("a", null)).isInstanceOf(ScenarioExceptions.E1.class);
    assertThat(Cls.E3.create("a", null))
        .isInstanceOf(Exception.class)
        .isNotInstanceOf(RuntimeException.class);
    assertThat(Cls.F.create("a", null)).isInstanceOf(Error.class);
  }
}
