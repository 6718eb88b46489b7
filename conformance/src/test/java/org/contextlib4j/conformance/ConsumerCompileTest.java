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

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's project, compiled against the built core jar with {@code --release 17 -Xlint:all
 * -Werror}, once from the module path (a named module requiring {@code org.contextlib4j}) and once
 * from the class path, without JSpecify present (it is an optional, compile-time dependency of the
 * library). The jar is the one {@code package} built; before that phase the classes directory is
 * used, which has the same module-info.
 */
class ConsumerCompileTest {

  private static final String MAIN =
      """
      package consumer;

      import java.io.IOException;
      import java.nio.file.Files;
      import java.nio.file.NoSuchFileException;
      import java.nio.file.Path;
      import java.util.concurrent.CompletableFuture;
      import org.contextlib4j.AsyncExitStack;
      import org.contextlib4j.ContextManager;
      import org.contextlib4j.Contexts;
      import org.contextlib4j.ExitStack;

      public final class Main {
        private Main() {}

        public static void main(String[] args) throws IOException {
          try (ExitStack stack = new ExitStack()) {
            stack.callback(() -> System.out.println("cleanup"));
            stack.push(failure -> false);
          }
          Contexts.run(
              Contexts.suppress(NoSuchFileException.class),
              ignored -> Files.delete(Path.of("does-not-exist")));
          ContextManager<String> tag =
              Contexts.contextManager(
                  y -> {
                    System.out.println("<p>");
                    y.yield("p");
                    System.out.println("</p>");
                  });
          String result = Contexts.with(tag, name -> name + "!");
          System.out.println(result);
          AsyncExitStack async = new AsyncExitStack();
          async.pushAsyncCallback(() -> CompletableFuture.completedFuture(null));
          async.closeAsync().toCompletableFuture().join();
        }
      }
      """;

  /** The core jar if {@code package} built it from the current classes, else the classes. */
  private static Path library() throws IOException {
    Path jar = Path.of(System.getProperty("contextlib4j.core.jar", "missing"));
    Path classes = Path.of(System.getProperty("contextlib4j.core.classes", "missing"));
    Path moduleInfo = classes.resolve("module-info.class");
    boolean jarIsCurrent =
        Files.isRegularFile(jar)
            && (!Files.exists(moduleInfo)
                || Files.getLastModifiedTime(jar).compareTo(Files.getLastModifiedTime(moduleInfo))
                    >= 0);
    return jarIsCurrent ? jar : classes;
  }

  private static String compile(List<String> options, List<Path> sources) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter out = new StringWriter();
    List<String> all = new ArrayList<>(List.of("--release", "17", "-Xlint:all", "-Werror"));
    all.addAll(options);
    boolean ok =
        javac
            .getTask(
                out,
                null,
                null,
                all,
                null,
                javac.getStandardFileManager(null, null, null).getJavaFileObjectsFromPaths(sources))
            .call();
    return ok ? "" : out.toString();
  }

  @Test
  void compilesFromTheModulePath_withoutJSpecify(@TempDir Path dir) throws IOException {
    Path lib = library();
    assertThat(lib).exists();
    Path moduleInfo =
        Files.writeString(
            dir.resolve("module-info.java"), "module consumer { requires org.contextlib4j; }\n");
    Files.createDirectories(dir.resolve("consumer"));
    Path main = Files.writeString(dir.resolve("consumer/Main.java"), MAIN);
    String errors =
        compile(
            List.of("--module-path", lib.toString(), "-d", dir.resolve("out").toString()),
            List.of(moduleInfo, main));
    assertThat(errors).isEmpty();
    assertThat(dir.resolve("out/consumer/Main.class")).exists();
  }

  @Test
  void compilesFromTheClassPath_withoutJSpecify(@TempDir Path dir) throws IOException {
    Path lib = library();
    Files.createDirectories(dir.resolve("consumer"));
    Path main = Files.writeString(dir.resolve("consumer/Main.java"), MAIN);
    String errors =
        compile(List.of("-cp", lib.toString(), "-d", dir.resolve("out").toString()), List.of(main));
    assertThat(errors).isEmpty();
    assertThat(dir.resolve("out/consumer/Main.class")).exists();
  }

  @Test
  void aWarningFailsTheConsumerBuild_soTheChecksAreReal(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("consumer"));
    Path main =
        Files.writeString(
            dir.resolve("consumer/Main.java"),
            MAIN.replace(
                "public static void main",
                "@SuppressWarnings(\"unused\") private static final java.util.List RAW ="
                    + " new java.util.ArrayList<String>();\n  public static void main"));
    String errors =
        compile(
            List.of("-cp", library().toString(), "-d", dir.resolve("out").toString()),
            List.of(main));
    assertThat(errors).contains("warnings found and -Werror specified");
  }
}
