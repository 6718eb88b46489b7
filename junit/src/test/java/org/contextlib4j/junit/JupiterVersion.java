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
package org.contextlib4j.junit;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The version of JUnit Jupiter the tests run on, read from the {@code Implementation-Version} of
 * the junit-jupiter-api jar (on the class path or the module path), for the few expectations that
 * differ between JUnit lines. Read independently of what the extension probes, so that a test does
 * not merely repeat the probe.
 */
final class JupiterVersion {

  private static final int[] MAJOR_MINOR = read();

  private JupiterVersion() {}

  /** {@return whether JUnit Jupiter is {@code major.minor} or later} */
  static boolean atLeast(int major, int minor) {
    return MAJOR_MINOR[0] > major || (MAJOR_MINOR[0] == major && MAJOR_MINOR[1] >= minor);
  }

  private static int[] read() {
    try {
      Path jar = Path.of(Test.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      try (JarFile file = new JarFile(jar.toFile())) {
        String version = file.getManifest().getMainAttributes().getValue("Implementation-Version");
        String[] parts = version.split("\\.", 3);
        return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
      }
    } catch (IOException | URISyntaxException | RuntimeException e) {
      throw new IllegalStateException("cannot read the version of junit-jupiter-api", e);
    }
  }
}
