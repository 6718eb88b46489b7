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
package org.contextlib4j.examples;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.contextlib4j.examples.MergeFilesExample.Outcome;
import org.contextlib4j.examples.MergeFilesExample.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MergeFilesExampleTest {
  private static final boolean PROC_FD = Files.isDirectory(Path.of("/proc/self/fd"));

  @TempDir Path dir;

  /** Five sorted files of random numbers; returns them and fills {@code all} with every number. */
  private List<Path> sortedFiles(long seed, List<Integer> all) throws IOException {
    Random random = new Random(seed);
    List<Path> files = new ArrayList<>();
    for (int f = 0; f < 5; f++) {
      List<Integer> numbers = new ArrayList<>();
      for (int i = random.nextInt(20); i > 0; i--) {
        numbers.add(random.nextInt(1000));
      }
      numbers.sort(null);
      all.addAll(numbers);
      files.add(
          Files.write(dir.resolve("f" + f), numbers.stream().map(String::valueOf).toList(), UTF_8));
    }
    all.sort(null);
    return files;
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 42, 2026})
  void mergesSortedFilesIntoOneSortedList(long seed) throws IOException {
    List<Integer> all = new ArrayList<>();
    List<Path> files = sortedFiles(seed, all);

    Run run = MergeFilesExample.merge(files);

    assertThat(run.failure()).isNull();
    assertThat(run.merged()).isEqualTo(all);
  }

  @Test
  void closesTheFilesItOpened_whenALaterFileIsMissing() throws IOException {
    List<Path> files = sortedFiles(7, new ArrayList<>());
    files.set(3, dir.resolve("missing"));

    Run run = MergeFilesExample.merge(files);

    assertThat(run.merged()).isNull();
    assertThat(run.failure())
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageEndingWith("missing");
    assumeTrue(PROC_FD, "no /proc/self/fd: open files cannot be counted here");
    assertThat(run.fdsBefore()).hasValue(0);
    assertThat(run.fdsWhileOpen()).isEmpty(); // opening failed before every file was open
    assertThat(run.fdsAfter()).hasValue(0);
  }

  @Test
  void closesEveryFile_whenReadingFailsMidMerge() throws IOException {
    List<Path> files = sortedFiles(8, new ArrayList<>());
    Files.writeString(dir.resolve("bad"), "1\n2\nthree\n4\n", UTF_8);
    files.add(2, dir.resolve("bad"));

    Run run = MergeFilesExample.merge(files);

    assertThat(run.failure()).isInstanceOf(NumberFormatException.class);
    assumeTrue(PROC_FD, "no /proc/self/fd: open files cannot be counted here");
    assertThat(run.fdsBefore()).hasValue(0);
    // The counter does see the readers: one descriptor on each of the six files while all are open.
    assertThat(run.fdsWhileOpen()).hasValue(6);
    assertThat(run.fdsAfter()).hasValue(0);
  }

  @Test
  void demoRunsThreeMerges_andDeletesItsTemporaryFiles() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    Outcome outcome = MergeFilesExample.run(new PrintStream(bytes, true, UTF_8));

    assertThat(outcome.runs()).hasSize(3);
    assertThat(outcome.runs().get(0).merged()).isSorted().hasSize(30);
    assertThat(outcome.runs().get(1).failure()).isInstanceOf(NoSuchFileException.class);
    assertThat(outcome.runs().get(2).failure()).isInstanceOf(NumberFormatException.class);
    assertThat(outcome.directory()).doesNotExist();
    assertThat(bytes.toString(UTF_8))
        .contains("failed part-way: NoSuchFileException part-missing.txt")
        .contains("failed part-way: NumberFormatException For input string: \"twenty\"");
    assumeTrue(PROC_FD, "no /proc/self/fd: open files cannot be counted here");
    for (Run run : outcome.runs()) {
      assertThat(run.fdsBefore()).hasValue(0);
      assertThat(run.fdsAfter()).hasValue(0);
    }
    assertThat(outcome.runs().get(0).fdsWhileOpen()).hasValue(5);
    assertThat(outcome.runs().get(2).fdsWhileOpen()).hasValue(5);
  }

  @Test
  void countsOpenFiles_onlyWhereProcSelfFdExists() {
    assertThat(MergeFilesExample.openFileDescriptors(List.of()).isPresent()).isEqualTo(PROC_FD);
  }

  @Test
  void countsOnlyDescriptorsOnTheGivenFiles() throws IOException {
    assumeTrue(PROC_FD, "no /proc/self/fd: open files cannot be counted here");
    Path mine = Files.writeString(dir.resolve("mine"), "1\n", UTF_8);
    Path other = Files.writeString(dir.resolve("other"), "2\n", UTF_8);
    try (var a = Files.newBufferedReader(mine);
        var b = Files.newBufferedReader(mine);
        var c = Files.newBufferedReader(other)) {
      assertThat(List.of(a.readLine(), b.readLine(), c.readLine())).containsExactly("1", "1", "2");
      assertThat(MergeFilesExample.openFileDescriptors(List.of(mine))).hasValue(2);
      assertThat(MergeFilesExample.openFileDescriptors(List.of(mine, other))).hasValue(3);
      assertThat(MergeFilesExample.openFileDescriptors(List.of(dir.resolve("none")))).hasValue(0);
    }
    assertThat(MergeFilesExample.openFileDescriptors(List.of(mine, other))).hasValue(0);
  }
}
