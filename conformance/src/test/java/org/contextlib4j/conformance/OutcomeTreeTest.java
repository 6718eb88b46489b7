package org.contextlib4j.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.contextlib4j.conformance.ScenarioExceptions.Cls;
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
