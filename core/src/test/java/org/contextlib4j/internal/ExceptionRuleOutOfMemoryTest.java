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
package org.contextlib4j.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, item 3: the rule runs after a cleanup failed, possibly with the heap exhausted, and
 * must not fail itself then: its own bookkeeping (the walk's set, the per-thread record) and {@code
 * addSuppressed} (which grows a list) may run out of memory. It then attaches without knowing what
 * is reachable already, or sets the cause, and still returns. Run in a child JVM with a small heap
 * that {@link Child} fills completely.
 */
class ExceptionRuleOutOfMemoryTest {

  /** The child: fills its heap, then folds a real OutOfMemoryError into an exception in flight. */
  public static final class Child {
    private Child() {}

    public static void main(String[] args) {
      RuntimeException x = new RuntimeException("body");
      RuntimeException y = new RuntimeException("exit");
      Throwable escaped = null;
      Throwable first = null;
      Throwable second = null;
      // As in an application, the rule's classes are loaded before memory runs out: a warm-up.
      ExceptionRule.exitThrew(ExceptionRule.cleanupThrew(new Error("a"), new Error("b")), x);
      x = new RuntimeException("body");
      List<Object> hog = new ArrayList<>();
      try {
        OutOfMemoryError oom = fill(hog);
        try {
          first = ExceptionRule.cleanupThrew(x, oom);
          second = ExceptionRule.exitThrew(first, y);
        } catch (Throwable t) {
          escaped = t;
        }
      } finally {
        hog.clear();
      }
      System.out.println("escaped=" + (escaped == null ? "none" : escaped.getClass().getName()));
      if (escaped != null) {
        escaped.printStackTrace(System.out);
      }
      System.out.println("first=" + (first == x ? "x" : String.valueOf(first)));
      System.out.println("second=" + (second == y ? "y" : String.valueOf(second)));
      System.out.println("reachable=" + (second != null && ExceptionRule.reachable(second, x)));
    }

    /** Allocates until nothing more fits, in ever smaller pieces; returns the last failure. */
    private static OutOfMemoryError fill(List<Object> hog) {
      OutOfMemoryError last = null;
      for (int size = 1 << 20; size > 0; size >>= 1) {
        try {
          while (true) {
            hog.add(new long[size]);
          }
        } catch (OutOfMemoryError e) {
          last = e;
        }
      }
      try {
        while (true) {
          hog.add(new Object());
        }
      } catch (OutOfMemoryError e) {
        last = e;
      }
      return last;
    }
  }

  @Test
  void withTheHeapExhausted_theRuleStillReturns_andLosesNothing() throws Exception {
    List<String> out = runChild();
    assertThat(out).contains("escaped=none", "first=x", "second=y", "reachable=true");
  }

  private static List<String> runChild()
      throws IOException, InterruptedException, URISyntaxException {
    String classes = location(ExceptionRule.class);
    String testClasses = location(Child.class);
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child =
        new ProcessBuilder(
                java.toString(),
                "-Xmx32m",
                "-XX:+UseSerialGC",
                "-cp",
                classes + File.pathSeparator + testClasses,
                Child.class.getName())
            .redirectErrorStream(true)
            .start();
    byte[] output = child.getInputStream().readAllBytes();
    assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("the child ended").isTrue();
    String text = new String(output, StandardCharsets.UTF_8);
    assertThat(child.exitValue()).as(text).isZero();
    return List.of(text.split("\\R"));
  }

  private static String location(Class<?> c) throws URISyntaxException {
    return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }
}
