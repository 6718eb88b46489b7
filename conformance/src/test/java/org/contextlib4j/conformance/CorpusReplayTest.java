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

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replays the committed corpus (src/test/resources/corpus, see its README) through the runner, in
 * process, and requires every result to equal CPython's.
 */
class CorpusReplayTest {
  private static final int SHOWN = 5;

  static Stream<String> corpusFiles() throws IOException, URISyntaxException {
    try (Stream<Path> files = Files.list(corpusDirectory())) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(name -> name.endsWith(".jsonl") && !name.endsWith(".expected.jsonl"))
          .sorted()
          .collect(Collectors.toList())
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpusFiles")
  void everyScenarioMatchesCPython(String file) throws Exception {
    Path scenarios = corpusDirectory().resolve(file);
    Path expected = corpusDirectory().resolve(file.replace(".jsonl", ".expected.jsonl"));
    List<String> expectedLines = Files.readAllLines(expected, StandardCharsets.UTF_8);

    List<String> actualLines = run(Files.readString(scenarios, StandardCharsets.UTF_8));

    assertThat(actualLines).hasSameSizeAs(expectedLines);
    List<String> mismatches = ResultComparison.mismatches(expectedLines, actualLines);
    assertThat(mismatches)
        .withFailMessage(
            () ->
                mismatches.size()
                    + " of "
                    + expectedLines.size()
                    + " scenarios of "
                    + file
                    + " differ from CPython; the first ones:\n  "
                    + String.join("\n  ", mismatches.subList(0, Math.min(SHOWN, mismatches.size())))
                    + "\nRender one with: grep '\"id\":\"ID\"' "
                    + file
                    + " | python3 gen.py --render")
        .isEmpty();
  }

  @Test
  void corpusHoldsAtLeast3000Scenarios() throws Exception {
    long total = 0;
    for (String file : corpusFiles().collect(Collectors.toList())) {
      try (Stream<String> lines = Files.lines(corpusDirectory().resolve(file))) {
        total += lines.count();
      }
    }
    assertThat(total).isGreaterThanOrEqualTo(3000);
  }

  @Test
  void corpusHoldsAtLeast2000ScenariosWithGeneratorManagers() throws Exception {
    long withGenerators = 0;
    for (String file : corpusFiles().collect(Collectors.toList())) {
      try (Stream<String> lines = Files.lines(corpusDirectory().resolve(file))) {
        withGenerators +=
            lines
                .filter(
                    line ->
                        line.contains("\"op\":\"enter_gen\"") || line.contains("\"type\":\"gen\""))
                .count();
      }
    }
    assertThat(withGenerators).isGreaterThanOrEqualTo(2000);
  }

  @Test
  void corpusHoldsAtLeast3000AsyncScenarios() throws Exception {
    long async = 0;
    for (String file : corpusFiles().collect(Collectors.toList())) {
      try (Stream<String> lines = Files.lines(corpusDirectory().resolve(file))) {
        async += lines.filter(line -> line.contains("\"kind\":\"async\"")).count();
      }
    }
    assertThat(async).isGreaterThanOrEqualTo(3000);
  }

  /**
   * SPEC section 2.2: timing never changes a result. Every async scenario of one corpus file, with
   * every {@code timing} set to {@code now}, then to {@code later}, then flipped, still gives
   * CPython's results.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"all-now", "all-later", "flipped"})
  void asyncResultsDoNotDependOnTiming(String transform) throws Exception {
    String file = "async-seed-10.jsonl";
    String scenarios = Files.readString(corpusDirectory().resolve(file), StandardCharsets.UTF_8);
    List<String> expectedLines =
        Files.readAllLines(
            corpusDirectory().resolve(file.replace(".jsonl", ".expected.jsonl")),
            StandardCharsets.UTF_8);
    String now = "\"timing\":\"now\"";
    String later = "\"timing\":\"later\"";
    String transformed =
        switch (transform) {
          case "all-now" -> scenarios.replace(later, now);
          case "all-later" -> scenarios.replace(now, later);
          default -> scenarios.replace(now, "\u0000").replace(later, now).replace("\u0000", later);
        };
    assertThat(transformed).isNotEqualTo(scenarios);

    List<String> mismatches = ResultComparison.mismatches(expectedLines, run(transformed));

    assertThat(mismatches).isEmpty();
  }

  private static List<String> run(String scenarios) throws IOException {
    StringWriter out = new StringWriter();
    RunScenarios.process(
        new BufferedReader(new StringReader(scenarios)), out, RunScenarios.TIMEOUT);
    return out.toString().lines().collect(Collectors.toList());
  }

  private static Path corpusDirectory() throws URISyntaxException {
    URL url =
        Objects.requireNonNull(
            CorpusReplayTest.class.getResource("/corpus"), "corpus directory on the classpath");
    return Path.of(url.toURI());
  }
}
