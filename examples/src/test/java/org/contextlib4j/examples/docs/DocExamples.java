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

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.JavacTask;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Extracts, compiles and runs the examples of a source tree, following the convention of {@code
 * docs/design.md} ("Writing examples that compile"). {@link DocumentationExamplesTest} applies it
 * to the repository; its self-test applies it to a copy with a broken example.
 */
final class DocExamples {

  static final String DEFAULT_IMPORTS =
      "import java.io.*; import java.net.*; import java.nio.charset.*; import java.nio.file.*;"
          + " import java.net.http.*; import java.sql.*; import javax.sql.*; import java.time.*;"
          + " import java.util.*;"
          + " import java.util.concurrent.*; import java.util.concurrent.atomic.*;"
          + " import java.util.function.*; import java.util.stream.*; import org.contextlib4j.*;"
          + " import org.contextlib4j.junit.*; import org.junit.jupiter.api.*;"
          + " import org.junit.jupiter.api.extension.*; import org.jspecify.annotations.*;"
          + " import static org.contextlib4j.Contexts.*;"
          + " import static org.assertj.core.api.Assertions.*;";

  /** The line of a fragment's check where the fragment itself goes. */
  static final String EXAMPLE_HERE = "// the example runs here";

  private static final Pattern FENCE = Pattern.compile("^\\s*```\\s*(\\S*).*$");
  private static final Pattern PUBLIC_TYPE =
      Pattern.compile(
          "(?m)^public\\s+(?:(?:final|abstract|sealed|non-sealed|static)\\s+)*"
              + "(?:class|interface|record|enum|@interface)\\s+(\\w+)");
  private static final Pattern HIDDEN =
      Pattern.compile("<!--\\s*(helpers|check)([^\\n]*)\\n(.*?)-->", Pattern.DOTALL);

  /** One example: where it is, its text, and the checks that run it. */
  record Example(String file, int line, String code, List<Snippet> checks) {}

  /** A piece of hidden Java: where it is and its text. */
  record Snippet(String file, int line, String code) {}

  /** The examples and helpers of one file. */
  record DocFile(String file, List<Example> examples, List<Snippet> helpers) {}

  private DocExamples() {}

  /** Every documented file under {@code root}: README.md, docs/**.md, main Javadoc. */
  static List<Path> documentedFiles(Path root) throws IOException {
    List<Path> files = new ArrayList<>();
    if (Files.exists(root.resolve("README.md"))) {
      files.add(root.resolve("README.md"));
    }
    if (Files.isDirectory(root.resolve("docs"))) {
      try (Stream<Path> docs = Files.walk(root.resolve("docs"))) {
        docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
      }
    }
    try (Stream<Path> all = Files.walk(root)) {
      all.filter(p -> !root.relativize(p).toString().startsWith("."))
          .filter(p -> p.toString().replace('\\', '/').contains("/src/main/"))
          .filter(p -> !p.toString().contains("/target/"))
          .filter(p -> p.toString().endsWith(".java") || p.toString().endsWith("overview.html"))
          .sorted()
          .forEach(files::add);
    }
    return files;
  }

  static DocFile read(Path root, Path path) throws IOException {
    String rel = root.relativize(path).toString().replace('\\', '/');
    String text = Files.readString(path, StandardCharsets.UTF_8);
    if (rel.endsWith(".md")) {
      return markdown(rel, text);
    }
    List<Example> examples = javadoc(rel, text);
    List<Snippet> helpers = new ArrayList<>();
    Path companion = root.resolve("examples/src/test/resources/doc-examples").resolve(rel + ".md");
    if (Files.exists(companion)) {
      String companionName = root.relativize(companion).toString().replace('\\', '/');
      DocFile hidden = markdown(companionName, Files.readString(companion));
      helpers.addAll(hidden.helpers());
      for (Snippet check : hiddenChecks(companionName, Files.readString(companion))) {
        String key = check.code().lines().findFirst().orElse("").strip();
        List<Example> matching =
            examples.stream().filter(e -> !key.isEmpty() && e.code().contains(key)).toList();
        if (matching.size() != 1) {
          throw new IllegalStateException(
              companionName
                  + ":"
                  + check.line()
                  + ": the check names \""
                  + key
                  + "\", found in "
                  + matching.size()
                  + " examples of "
                  + rel
                  + " (must be exactly one)");
        }
        String body = check.code().substring(check.code().indexOf('\n') + 1);
        matching.get(0).checks().add(new Snippet(companionName, check.line() + 1, body));
      }
    }
    return new DocFile(rel, examples, helpers);
  }

  private static List<Snippet> hiddenChecks(String file, String text) {
    List<Snippet> checks = new ArrayList<>();
    Matcher m = HIDDEN.matcher(text);
    while (m.find()) {
      if (m.group(1).equals("check")) {
        checks.add(new Snippet(file, lineOf(text, m.start()), m.group(2) + "\n" + m.group(3)));
      }
    }
    return checks;
  }

  static DocFile markdown(String file, String text) {
    List<Example> examples = new ArrayList<>();
    List<Snippet> helpers = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    int i = 0;
    while (i < lines.length) {
      Matcher open = FENCE.matcher(lines[i]);
      if (open.matches()) {
        String lang = open.group(1);
        int start = i + 1;
        int end = start;
        while (end < lines.length && !lines[end].strip().startsWith("```")) {
          end++;
        }
        if (lang.equals("java")) {
          String code = String.join("\n", List.of(lines).subList(start, end));
          examples.add(new Example(file, start + 1, code, new ArrayList<>()));
        }
        i = end + 1;
        continue;
      }
      i++;
    }
    Matcher m = HIDDEN.matcher(text);
    while (m.find()) {
      int line = lineOf(text, m.start()) + 1;
      Snippet snippet = new Snippet(file, line, m.group(3));
      if (m.group(1).equals("helpers")) {
        helpers.add(snippet);
      } else if (m.group(2).isBlank()) { // else a companion-file check, named on its first line
        Example previous = null;
        for (Example e : examples) {
          if (e.line() < line) {
            previous = e;
          }
        }
        int closing =
            previous == null ? -1 : previous.line() + (int) previous.code().lines().count();
        String between =
            previous == null
                ? "x"
                : String.join("\n", List.of(lines).subList(closing, line - 2)).strip();
        if (previous == null || !between.isEmpty()) {
          throw new IllegalStateException(
              file + ":" + (line - 1) + ": a check must follow the ```java block it checks");
        }
        previous.checks().add(snippet);
      }
    }
    return new DocFile(file, examples, helpers);
  }

  static List<Example> javadoc(String file, String text) {
    List<Example> examples = new ArrayList<>();
    int from = 0;
    while (true) {
      int pre = text.indexOf("<pre>{@code", from);
      if (pre < 0) {
        return examples;
      }
      int i = pre + "<pre>{@code".length();
      int depth = 1;
      int end = i;
      while (end < text.length() && depth > 0) {
        char c = text.charAt(end);
        if (c == '{') {
          depth++;
        } else if (c == '}') {
          depth--;
        }
        end++;
      }
      String raw = text.substring(i, end - 1);
      int line = lineOf(text, i);
      if (raw.startsWith("\n")) {
        raw = raw.substring(1);
        line++;
      }
      String code =
          raw.lines()
              .map(l -> l.replaceFirst("^\\s*\\* ?", "").replaceFirst("^\\s*\\*$", ""))
              .collect(Collectors.joining("\n"));
      examples.add(new Example(file, line, code, new ArrayList<>()));
      from = end;
    }
  }

  private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+[\\w.*\\s]+;\\s*$");

  /**
   * The example's leading import declarations, and its code with each of their lines blanked (so
   * that line numbers stay as in the document): a fragment may show the imports it needs, which are
   * moved to the generated file's header.
   */
  static String[] splitImports(String code) {
    String[] lines = code.split("\n", -1);
    StringBuilder imports = new StringBuilder();
    for (int k = 0; k < lines.length; k++) {
      String line = lines[k].strip();
      if (IMPORT.matcher(line).matches()) {
        imports.append(line).append(' ');
        lines[k] = "";
      } else if (!line.isEmpty() && !line.startsWith("//")) {
        break;
      }
    }
    return new String[] {imports.toString(), String.join("\n", lines)};
  }

  private static int lineOf(String text, int offset) {
    int line = 1;
    for (int k = 0; k < offset; k++) {
      if (text.charAt(k) == '\n') {
        line++;
      }
    }
    return line;
  }

  enum Shape {
    UNIT,
    FRAGMENT,
    MEMBERS
  }

  /** The shape of an example, found by parsing it as each shape in turn. */
  static Shape shape(String code) {
    if (parses(DEFAULT_IMPORTS + "\n" + code, true)) {
      return Shape.UNIT;
    }
    if (parses("class X { void x() throws Exception {\n" + code + "\n}}", false)) {
      return Shape.FRAGMENT;
    }
    if (parses("class X {\n" + code + "\n}", false)) {
      return Shape.MEMBERS;
    }
    return Shape.FRAGMENT; // the compiler then reports the syntax error at its line
  }

  private static boolean parses(String source, boolean needsType) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    JavacTask task =
        (JavacTask)
            javac.getTask(
                null,
                null,
                diagnostics,
                List.of("--release", "17", "-proc:none"),
                null,
                List.of(new Source("X", source, new int[0])));
    try {
      List<CompilationUnitTree> units = new ArrayList<>();
      task.parse().forEach(units::add);
      boolean ok =
          diagnostics.getDiagnostics().stream()
              .noneMatch(d -> d.getKind() == Diagnostic.Kind.ERROR);
      return ok && (!needsType || units.stream().anyMatch(u -> !u.getTypeDecls().isEmpty()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Generated source, with the doc line of each of its lines (0: generated). */
  static final class Source extends SimpleJavaFileObject {
    final String text;
    final int[] origin;
    final String className;

    Source(String className, String text, int[] origin) {
      super(URI.create("string:///" + className.replace('.', '/') + ".java"), Kind.SOURCE);
      this.text = text;
      this.origin = origin;
      this.className = className;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return text;
    }
  }

  /** Builds a generated source line by line, remembering where each line came from. */
  private static final class Builder {
    final StringBuilder text = new StringBuilder();
    final List<Integer> origin = new ArrayList<>();
    final List<String> originFile = new ArrayList<>();

    void line(String s) {
      text.append(s).append('\n');
      origin.add(0);
      originFile.add("");
    }

    void code(Snippet s) {
      String[] lines = s.code().split("\n", -1);
      for (int k = 0; k < lines.length; k++) {
        text.append(lines[k]).append('\n');
        origin.add(s.line() + k);
        originFile.add(s.file());
      }
    }
  }

  /** A compiled unit and how to run its checks. */
  private record Unit(
      Example example, String pkg, Shape shape, Source source, List<String> files) {}

  /**
   * Compiles every example of the given files and runs the checked ones.
   *
   * @return the failures, each starting with {@code file:line:}; empty when all pass
   */
  static List<String> verify(List<DocFile> files, Path workDir) throws IOException {
    List<String> failures = new ArrayList<>();
    List<Source> sources = new ArrayList<>();
    Map<Source, Builder> builders = new LinkedHashMap<>();
    List<Unit> units = new ArrayList<>();
    int n = 0;
    for (DocFile file : files) {
      for (Example example : file.examples()) {
        n++;
        String pkg = "docexample.e" + n;
        String[] split = splitImports(example.code());
        String imports = split[0];
        String exampleCode = split[1];
        Shape shape = shape(exampleCode);
        Builder helpers = new Builder();
        helpers.line("package " + pkg + "; " + DEFAULT_IMPORTS);
        helpers.line("@SuppressWarnings(\"all\") final class Helpers { private Helpers() {}");
        file.helpers().forEach(helpers::code);
        helpers.line("}");
        add(
            sources,
            builders,
            new Source(pkg + ".Helpers", helpers.text.toString(), null),
            helpers);

        Builder b = new Builder();
        Snippet code = new Snippet(example.file(), example.line(), exampleCode);
        String header =
            "package "
                + pkg
                + "; "
                + DEFAULT_IMPORTS
                + " import static "
                + pkg
                + ".Helpers.*; "
                + imports;
        b.line(header);
        switch (shape) {
          case UNIT -> {
            b.code(code);
            if (!example.checks().isEmpty()) {
              b.line(
                  "@SuppressWarnings(\"all\") final class DocCheck { public void check() throws Throwable {");
              example.checks().forEach(b::code);
              b.line("}}");
            }
          }
          case MEMBERS -> {
            b.line("@SuppressWarnings(\"all\") final class DocCheck {");
            b.code(code);
            b.line("public void check() throws Throwable {");
            example.checks().forEach(b::code);
            b.line("}}");
          }
          case FRAGMENT -> {
            b.line(
                "@SuppressWarnings(\"all\") final class DocCheck { public void check() throws Throwable {");
            // A check may place the fragment itself (EXAMPLE_HERE), e.g. inside assertThatThrownBy
            // to run it failing; otherwise the fragment runs first and the checks after it.
            List<Snippet> before = new ArrayList<>();
            List<Snippet> after = new ArrayList<>();
            for (Snippet check : example.checks()) {
              List<String> lines = List.of(check.code().split("\n", -1));
              int here = lines.stream().map(String::strip).toList().indexOf(EXAMPLE_HERE);
              if (here < 0) {
                after.add(check);
              } else {
                before.add(
                    new Snippet(
                        check.file(), check.line(), String.join("\n", lines.subList(0, here))));
                after.add(
                    new Snippet(
                        check.file(),
                        check.line() + here + 1,
                        String.join("\n", lines.subList(here + 1, lines.size()))));
              }
            }
            if (before.size() > 1) {
              failures.add(
                  example.file()
                      + ":"
                      + example.line()
                      + ": more than one check places the example ("
                      + EXAMPLE_HERE
                      + ")");
            }
            before.forEach(b::code);
            b.code(code);
            after.forEach(b::code);
            b.line("}}");
          }
        }
        Matcher publicType = PUBLIC_TYPE.matcher(exampleCode);
        String name = shape == Shape.UNIT && publicType.find() ? publicType.group(1) : "Example";
        Source unit = new Source(pkg + "." + name, b.text.toString(), null);
        add(sources, builders, unit, b);
        units.add(new Unit(example, pkg, shape, unit, List.of()));
      }
    }
    if (sources.isEmpty()) {
      return failures;
    }
    Path classes = Files.createDirectories(workDir.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager fm = javac.getStandardFileManager(null, Locale.ROOT, null)) {
      fm.setLocation(StandardLocation.CLASS_OUTPUT, List.of(classes.toFile()));
      fm.setLocation(StandardLocation.CLASS_PATH, classPath());
      boolean ok =
          javac
              .getTask(
                  null,
                  fm,
                  diagnostics,
                  List.of(
                      "--release",
                      "17",
                      "-proc:none",
                      "-nowarn",
                      "-Xlint:none",
                      "-g",
                      "-Xmaxerrs",
                      "100000"),
                  null,
                  sources)
              .call();
      for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
        if (d.getKind() != Diagnostic.Kind.ERROR) {
          continue;
        }
        Builder b = builders.get((Source) d.getSource());
        int line = (int) d.getLineNumber();
        String where =
            b == null || line < 1 || b.origin.get(line - 1) == 0
                ? (b == null ? "?" : unitOf(units, (Source) d.getSource())) + " (generated code)"
                : b.originFile.get(line - 1) + ":" + b.origin.get(line - 1);
        String failure = where + ": " + d.getMessage(Locale.ROOT);
        if (!failures.contains(failure)) {
          failures.add(failure);
        }
      }
      if (!ok && failures.isEmpty()) {
        failures.add("the examples did not compile, with no error reported");
      }
    }
    if (!failures.isEmpty()) {
      return failures;
    }
    // What the examples print (they print to show what happens) is kept off the build's console;
    // a failing check's message does not need it. Tasks an example leaves running may still print
    // after the checks, into the same buffer until it is restored, then to the console.
    PrintStream console = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try (URLClassLoader loader =
        new URLClassLoader(
            new URL[] {classes.toUri().toURL()}, DocExamples.class.getClassLoader())) {
      for (Unit unit : units) {
        if (unit.example().checks().isEmpty()) {
          continue;
        }
        String where = unit.example().file() + ":" + unit.example().line();
        try {
          Class<?> check = Class.forName(unit.pkg() + ".DocCheck", true, loader);
          var constructor = check.getDeclaredConstructor();
          constructor.setAccessible(true);
          Method method = check.getDeclaredMethod("check");
          method.setAccessible(true);
          method.invoke(constructor.newInstance());
        } catch (InvocationTargetException e) {
          failures.add(where + ": the example's check failed: " + describe(e.getCause()));
        } catch (ReflectiveOperationException e) {
          failures.add(where + ": cannot run the check: " + e);
        }
      }
    } finally {
      System.setOut(console);
    }
    return failures;
  }

  private static String unitOf(List<Unit> units, Source source) {
    for (Unit u : units) {
      if (u.source() == source || source.className.startsWith(u.pkg() + ".")) {
        return u.example().file() + ":" + u.example().line();
      }
    }
    return "?";
  }

  private static String describe(Throwable t) {
    StringBuilder s = new StringBuilder(String.valueOf(t));
    for (StackTraceElement e : t.getStackTrace()) {
      if (e.getClassName().startsWith("docexample.")) {
        s.append("\n    at ").append(e);
      }
    }
    return s.toString();
  }

  private static void add(
      List<Source> sources, Map<Source, Builder> builders, Source template, Builder b) {
    int[] origin = b.origin.stream().mapToInt(Integer::intValue).toArray();
    Source source = new Source(template.className, b.text.toString(), origin);
    sources.add(source);
    builders.put(source, b);
  }

  private static List<File> classPath() {
    String cp = System.getProperty("surefire.test.class.path");
    if (cp == null || cp.isBlank()) {
      cp = System.getProperty("java.class.path");
    }
    return Stream.of(cp.split(File.pathSeparator))
        .filter(s -> !s.isBlank())
        .map(File::new)
        .collect(Collectors.toList());
  }
}
