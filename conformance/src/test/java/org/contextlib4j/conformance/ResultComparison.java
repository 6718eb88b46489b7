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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares result lines as compare.py does: matched by {@code id}, {@code trace} and {@code
 * outcome} compared as JSON values (key order irrelevant); a missing, {@code error} or malformed
 * result is a mismatch.
 */
final class ResultComparison {
  private ResultComparison() {}

  /** {@return one description per mismatching scenario, in expected order} */
  static List<String> mismatches(List<String> expectedLines, List<String> actualLines) {
    Map<Object, Map<?, ?>> actual = new LinkedHashMap<>();
    for (String line : actualLines) {
      if (Json.parse(line) instanceof Map<?, ?> result && result.get("id") != null) {
        actual.put(Objects.requireNonNull(result.get("id")), result);
      }
    }
    List<String> out = new ArrayList<>();
    for (String line : expectedLines) {
      Map<?, ?> expected = (Map<?, ?>) Json.parse(line);
      Object id = Objects.requireNonNull(expected.get("id"));
      Map<?, ?> result = actual.get(id);
      if (result == null) {
        out.add(id + ": no result");
      } else if (result.containsKey("error")) {
        out.add(id + ": error " + Json.write(Objects.requireNonNull(result.get("error"))));
      } else if (!Objects.equals(expected.get("trace"), result.get("trace"))
          || !Objects.equals(expected.get("outcome"), result.get("outcome"))) {
        out.add(
            id
                + ":\n    expected trace   "
                + render(expected.get("trace"))
                + "\n    actual trace     "
                + render(result.get("trace"))
                + "\n    expected outcome "
                + render(expected.get("outcome"))
                + "\n    actual outcome   "
                + render(result.get("outcome")));
      }
    }
    return out;
  }

  private static String render(@org.jspecify.annotations.Nullable Object value) {
    return value == null ? "(missing)" : Json.write(value);
  }
}
