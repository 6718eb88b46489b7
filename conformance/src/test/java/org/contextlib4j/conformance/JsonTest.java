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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {

  @Test
  void parsesEveryKindOfValue() {
    Object value =
        Json.parse(
            " {\"s\": \"a\\\"b\\\\c\\/\\n\\t\\u00e9\", \"n\": [1, -2, 3.5, 1e3], \"t\": true,"
                + " \"f\": false, \"z\": null, \"o\": {}, \"l\": []} ");

    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("s", "a\"b\\c/\n\té");
    expected.put("n", List.of(1L, -2L, 3.5, 1000.0));
    expected.put("t", true);
    expected.put("f", false);
    expected.put("z", Json.NULL);
    expected.put("o", Map.of());
    expected.put("l", List.of());
    assertThat(value).isEqualTo(expected);
  }

  @Test
  void keepsKeyOrder_andComparesMapsRegardlessOfIt() {
    Object ab = Json.parse("{\"a\":1,\"b\":2}");
    Object ba = Json.parse("{\"b\":2,\"a\":1}");

    assertThat(Json.write(ab)).isEqualTo("{\"a\":1,\"b\":2}");
    assertThat(Json.write(ba)).isEqualTo("{\"b\":2,\"a\":1}");
    assertThat(ab).isEqualTo(ba);
  }

  @Test
  void writesCompactly_andEscapesWhatJsonRequires() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("id", "q\"\\\n\u0001é");
    value.put("trace", List.of("enter c1", "exit c1 seen=none"));
    value.put("cause", Json.NULL);
    value.put("ok", true);
    value.put("n", 7L);

    String text = Json.write(value);

    assertThat(text)
        .isEqualTo(
            "{\"id\":\"q\\\"\\\\\\n\\u0001é\",\"trace\":[\"enter c1\",\"exit c1 seen=none\"],"
                + "\"cause\":null,\"ok\":true,\"n\":7}");
    assertThat(Json.parse(text)).isEqualTo(value);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "{",
        "{\"a\"}",
        "{\"a\":1,}",
        "[1 2]",
        "\"unterminated",
        "\"bad \\x escape\"",
        "tru",
        "-",
        "1.2.3",
        "{} x",
        "{\"a\":1,\"a\":2}",
        "\"\\u12\""
      })
  void rejectsMalformedText(String text) {
    assertThatThrownBy(() -> Json.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("bad JSON at offset ");
  }

  @Test
  void refusesToWriteWhatIsNotJson() {
    assertThatThrownBy(() -> Json.write(List.of(new Object())))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
