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
 * <pre>{@code
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
