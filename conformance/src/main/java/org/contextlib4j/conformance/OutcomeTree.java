package org.contextlib4j.conformance;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.contextlib4j.conformance.ScenarioExceptions.Cls;
import org.jspecify.annotations.Nullable;

/** Renders a throwable as the oracle's outcome TREE (SPEC section 5.1) and labels exceptions. */
final class OutcomeTree {
  private OutcomeTree() {}

  /**
   * {@return the label of {@code t}: its id string, or {@code none} for null} A throwable that is
   * not a scenario exception gets a label naming its Java class, which no reference trace contains.
   */
  static String label(@Nullable Throwable t) {
    if (t == null) {
      return "none";
    }
    if (ScenarioExceptions.classOf(t) == null) {
      return "unexpected:" + t.getClass().getName();
    }
    return String.valueOf(t.getMessage());
  }

  /**
   * {@return the TREE of {@code t}} Its cause and suppressed exceptions are rendered recursively;
   * an exception already on the path from the root is rendered as {@code {"ref": LABEL}}.
   *
   * @throws UnexpectedThrowableException if the tree contains a throwable that is not a scenario
   *     exception (the library's own failure, or a runner bug)
   */
  static Object render(Throwable t) {
    return render(t, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  private static Object render(Throwable t, Set<Throwable> path) {
    Map<String, Object> tree = new LinkedHashMap<>();
    if (path.contains(t)) {
      tree.put("ref", label(t));
      return tree;
    }
    Cls cls = ScenarioExceptions.classOf(t);
    if (cls == null) {
      throw new UnexpectedThrowableException(t);
    }
    path.add(t);
    tree.put("id", label(t));
    tree.put("cls", cls.name());
    tree.put("kind", "Err");
    Throwable cause = t.getCause();
    tree.put("cause", cause == null ? Json.NULL : render(cause, path));
    List<Object> suppressed = new ArrayList<>();
    for (Throwable s : t.getSuppressed()) {
      suppressed.add(render(s, path));
    }
    tree.put("suppressed", suppressed);
    path.remove(t);
    return tree;
  }

  /** A throwable in an outcome that no scenario statement raises. */
  static final class UnexpectedThrowableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnexpectedThrowableException(Throwable unexpected) {
      super("unexpected throwable in outcome: " + unexpected, unexpected);
    }
  }
}
