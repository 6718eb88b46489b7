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

  /** The package of the library; the runner's own package is inside it. */
  private static final String LIBRARY_PACKAGE = "org.contextlib4j.";

  private static final String RUNNER_PACKAGE = OutcomeTree.class.getPackageName() + ".";

  /**
   * {@return the label of {@code t}: its id string, its kind for a library error, or {@code none}
   * for null} Any other throwable gets a label naming its Java class, which no reference trace
   * contains.
   */
  static String label(@Nullable Throwable t) {
    if (t == null) {
      return "none";
    }
    if (ScenarioExceptions.classOf(t) != null) {
      return String.valueOf(t.getMessage());
    }
    String kind = libraryKind(t);
    return kind != null ? kind : "unexpected:" + t.getClass().getName();
  }

  /**
   * {@return the oracle's kind of {@code t} if it is one of the library's generator errors (SPEC
   * section 2.1), or null} Such an error is exactly an {@link IllegalStateException} with the
   * message that words CPython's error in this API's terms, created by the library: the frame that
   * created it (the top of its stack trace) is in the library's package and not in the runner's.
   */
  static @Nullable String libraryKind(Throwable t) {
    if (t.getClass() != IllegalStateException.class) {
      return null;
    }
    // The library words CPython's three errors as what the body did wrong, in the words of its
    // factory (contextManager/yield or asyncContextManager/yieldAsync), and may add where the
    // manager was created: the kind is read from the start of the message.
    String message = String.valueOf(t.getMessage()).replace("asyncContextManager", "%s");
    message = message.replace("contextManager", "%s").replace("yieldAsync", "%y");
    message = message.replace("yield", "%y");
    String kind =
        message.startsWith("the %s body ended without calling %y;")
            ? "didnt_yield"
            : message.startsWith("the %s body called %y a second time;")
                ? "didnt_stop"
                : message.startsWith("the %s body called %y a second time, after the block's")
                    ? "didnt_stop_after_throw"
                    : null;
    if (kind == null) {
      return null;
    }
    StackTraceElement[] frames = t.getStackTrace();
    if (frames.length == 0) {
      return null;
    }
    String creator = frames[0].getClassName();
    return creator.startsWith(LIBRARY_PACKAGE) && !creator.startsWith(RUNNER_PACKAGE) ? kind : null;
  }

  /**
   * {@return the TREE of {@code t}} Its cause and suppressed exceptions are rendered recursively;
   * an exception already on the path from the root is rendered as {@code {"ref": LABEL}}.
   *
   * @throws UnexpectedThrowableException if the tree contains a throwable that is neither a
   *     scenario exception nor a library generator error (another library failure, or a runner bug)
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
    String kind = cls == null ? libraryKind(t) : "Err";
    if (kind == null) {
      throw new UnexpectedThrowableException(t);
    }
    path.add(t);
    tree.put("id", cls == null ? Json.NULL : label(t));
    tree.put("cls", cls == null ? Json.NULL : cls.name());
    tree.put("kind", kind);
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
