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

import static org.contextlib4j.Contexts.suppress;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.contextlib4j.Contexts;

/**
 * {@code suppress}: ignore one kind of exception for the length of a block, then carry on.
 *
 * <pre class="language-python">{@code
 * with suppress(FileNotFoundError):
 *     os.remove('somefile.tmp')
 * }</pre>
 */
final class SuppressExample {
  private SuppressExample() {}

  static void run(PrintStream out) throws IOException {
    Path missing = Path.of(System.getProperty("java.io.tmpdir"), "contextlib4j-no-such-file.tmp");
    Files.deleteIfExists(missing);

    Contexts.run(suppress(NoSuchFileException.class), ignored -> Files.delete(missing));
    out.println("deleting a missing file under suppress(NoSuchFileException): carried on");

    try {
      Contexts.run(
          suppress(NoSuchFileException.class),
          ignored -> {
            throw new IOException("disk on fire");
          });
    } catch (IOException e) {
      out.println("any other exception still propagates: " + e.getMessage());
    }
  }
}
