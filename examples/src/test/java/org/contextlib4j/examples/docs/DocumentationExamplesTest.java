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
package org.contextlib4j.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every example a reader can see compiles, and the ones that claim a behaviour do what they claim.
 *
 * <p>Reads every {@code ```java} block of {@code README.md} and of the Markdown files under {@code
 * docs}, and every {@code <pre>} block of code in the Javadoc (and {@code overview.html}) under
 * each module's {@code src/main/java}; compiles each with {@code javax.tools} against the published
 * modules (core, junit), JUnit Jupiter and AssertJ; runs those that have a hidden {@code <!-- check
 * -->}. A failure names the file and the line of the example.
 *
 * <p>The convention an author follows (default imports, the three shapes an example may have,
 * per-file hidden helpers and checks, the companion files for Javadoc under {@code
 * src/test/resources/doc-examples/}) is written in {@code docs/design.md}, section "Writing
 * examples that compile".
 */
class DocumentationExamplesTest {

  private static final Path ROOT = Path.of(System.getProperty("docs.root", "..")).toAbsolutePath();

  @Test
  void everyExampleCompiles_andEveryCheckedExampleDoesWhatItClaims(@TempDir Path work)
      throws IOException {
    List<DocExamples.DocFile> files = new ArrayList<>();
    for (Path path : DocExamples.documentedFiles(ROOT)) {
      files.add(DocExamples.read(ROOT, path));
    }
    assertThat(files.stream().mapToLong(f -> f.examples().size()).sum())
        .as("examples found")
        .isGreaterThan(30);
    assertThat(DocExamples.verify(files, work)).isEmpty();
  }

  @Test
  void failsNamingFileAndLine_whenReadmeGetsABrokenExample(@TempDir Path work) throws IOException {
    Path copy = Files.createDirectories(work.resolve("repo"));
    String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
    String before = readme + "\n\n```java\n";
    int line = (int) before.lines().count() + 1; // the line after the fence
    Files.writeString(
        copy.resolve("README.md"),
        before + "ExitStack stack = new ExitStack(42);\n```\n",
        StandardCharsets.UTF_8);

    List<String> failures = verify(copy, work);

    assertThat(failures).anySatisfy(f -> assertThat(f).startsWith("README.md:" + line + ": "));
  }

  @Test
  void failsNamingFileAndLine_whenExitStackJavadocGetsABrokenExample(@TempDir Path work)
      throws IOException {
    String rel = "core/src/main/java/org/contextlib4j/ExitStack.java";
    Path copy = work.resolve("repo");
    Files.createDirectories(copy.resolve(rel).getParent());
    List<String> lines =
        new ArrayList<>(Files.readAllLines(ROOT.resolve(rel), StandardCharsets.UTF_8));
    int classLine = -1;
    for (int k = 0; k < lines.size() && classLine < 0; k++) {
      if (lines.get(k).startsWith("public final class ExitStack")) {
        classLine = k;
      }
    }
    assertThat(classLine).as("ExitStack's declaration line").isPositive();
    // Inserted just above the class declaration, i.e. at the end of its Javadoc comment.
    int closing = classLine - 1;
    lines.addAll(closing, List.of(" * <pre>{@code", " * stack.enterContext(42);", " * }</pre>"));
    Files.write(copy.resolve(rel), lines, StandardCharsets.UTF_8);
    int brokenLine = closing + 2;

    List<String> failures = verify(copy, work);

    assertThat(failures).anySatisfy(f -> assertThat(f).startsWith(rel + ":" + brokenLine + ": "));
  }

  @Test
  void failsNamingTheExample_whenACheckedExampleDoesNotDoWhatItClaims(@TempDir Path work)
      throws IOException {
    Path copy = Files.createDirectories(work.resolve("repo"));
    Files.writeString(
        copy.resolve("README.md"),
        """
        # t

        ```java
        int answer = with(nullContext(41), n -> n + 1);
        ```
        <!-- check
        assertThat(answer).isEqualTo(43);
        -->
        """,
        StandardCharsets.UTF_8);

    List<String> failures = verify(copy, work);

    assertThat(failures)
        .singleElement()
        .satisfies(f -> assertThat(f).startsWith("README.md:4: the example's check failed"));
  }

  @Test
  void aCheckCanPlaceTheFragment_toRunItFailing(@TempDir Path work) throws IOException {
    Path copy = Files.createDirectories(work.resolve("repo"));
    Files.writeString(
        copy.resolve("README.md"),
        """
        # t

        ```java
        run(new ExitStack(), stack -> {
          stack.callback(() -> log.add("cleaned up"));
          throw failure;
        });
        ```
        <!-- check
        assertThatThrownBy(() -> {
        // the example runs here
        }).isSameAs(failure);
        assertThat(log).containsExactly(expected);
        -->
        <!-- helpers
        static final List<String> log = new ArrayList<>();
        static final IllegalStateException failure = new IllegalStateException("the block failed");
        static String expected = "cleaned up";
        -->
        """,
        StandardCharsets.UTF_8);
    assertThat(verify(copy, work)).isEmpty();

    Files.writeString(
        copy.resolve("README.md"),
        Files.readString(copy.resolve("README.md"))
            .replace(
                "static String expected = \"cleaned up\";", "static String expected = \"x\";"));
    assertThat(verify(copy, Files.createDirectories(work.resolve("again"))))
        .singleElement()
        .satisfies(f -> assertThat(f).startsWith("README.md:4: the example's check failed"));
  }

  @Test
  void recognisesTheThreeShapes() {
    assertThat(DocExamples.shape("class A {}\nrecord B() {}")).isEqualTo(DocExamples.Shape.UNIT);
    assertThat(DocExamples.shape("int x = 1;\nclass L {}\nx++;"))
        .isEqualTo(DocExamples.Shape.FRAGMENT);
    assertThat(DocExamples.shape("static int f() { return 1; }"))
        .isEqualTo(DocExamples.Shape.MEMBERS);
  }

  @Test
  void movesAFragmentsLeadingImportsToTheHeader_keepingItsLineNumbers() {
    String[] split =
        DocExamples.splitImports("// set-up\nimport static a.B.*;\n\nimport c.D;\nint x = 1;");

    assertThat(split[0]).isEqualTo("import static a.B.*; import c.D; ");
    assertThat(split[1]).isEqualTo("// set-up\n\n\n\nint x = 1;");
  }

  private static List<String> verify(Path copy, Path work) throws IOException {
    List<DocExamples.DocFile> files = new ArrayList<>();
    for (Path path : DocExamples.documentedFiles(copy)) {
      files.add(DocExamples.read(copy, path));
    }
    return DocExamples.verify(files, Files.createDirectories(work.resolve("out")));
  }
}
