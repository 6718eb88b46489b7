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
package org.contextlib4j.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The real things the fault-injection runs open, shared by every run of a test class: a directory
 * of scratch files, one 127.0.0.1 server socket whose accepted sockets are the other end of each
 * client socket, the H2 driver (private {@code jdbc:h2:mem:} databases), and a thread pool for
 * async stages.
 */
final class RealWorld implements AutoCloseable {
  private static final int FILES = 16;
  private static final Path FDS = Paths.get("/proc/self/fd");
  private static final String SELF_FDS = "/proc/" + ProcessHandle.current().pid() + "/fd";

  private final Path dir;
  private final ServerSocket server;
  private final InetSocketAddress address;
  private final org.h2.Driver h2 = new org.h2.Driver();
  final ExecutorService pool;

  RealWorld(Path dir) throws IOException {
    this.dir = dir;
    this.server = new ServerSocket(0, 256, InetAddress.getLoopbackAddress());
    server.setSoTimeout(10_000); // a lost connection fails the run instead of hanging it
    this.address = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
    // Unbounded but reused: a run nests a few stages that wait for each other; no thread holds fds.
    this.pool =
        Executors.newCachedThreadPool(
            task -> {
              Thread t = new Thread(task, "fault-injection-async");
              t.setDaemon(true);
              return t;
            });
  }

  Path file(int id) {
    return dir.resolve("file-" + (id % FILES));
  }

  InetSocketAddress address() {
    return address;
  }

  /**
   * Accepts the connection a client has just opened. Callers connect and accept under this lock so
   * that a client and its accepted socket are a pair even when stages run on several threads.
   */
  Socket accept() throws IOException {
    return server.accept();
  }

  Object acceptLock() {
    return server;
  }

  Connection h2() throws SQLException {
    Connection c = h2.connect("jdbc:h2:mem:", new Properties());
    if (c == null) {
      throw new IllegalStateException("the H2 driver refused jdbc:h2:mem:");
    }
    return c;
  }

  /**
   * What this process has open: descriptor number to what it points to, or empty where /proc is
   * missing. Three kinds of entry are left out, none of which can be a leak:
   *
   * <ul>
   *   <li>the directory being listed (its number depends on what else is open at that instant);
   *   <li>a descriptor closed between the listing and reading its link: it was transient;
   *   <li>files under /sys/fs/cgroup: in a container, HotSpot's JIT compiler threads (C1/C2
   *       CompilerThread, deciding whether to add compiler threads) and the VM Thread read the
   *       cgroup memory and CPU limits, opening and closing a file about every 20 ms while
   *       compilation is busy (seen with strace -f; thread names from /proc/PID/task/TID/comm).
   *       Those transient descriptors appeared in about one run in a hundred before this filter.
   * </ul>
   */
  static Optional<Map<String, String>> openFileDescriptors() {
    if (!Files.isDirectory(FDS)) {
      return Optional.empty();
    }
    Map<String, String> open = new TreeMap<>();
    try (Stream<Path> fds = Files.list(FDS)) {
      fds.forEach(
          fd -> {
            String target;
            try {
              target = Files.readSymbolicLink(fd).toString();
            } catch (IOException e) {
              return; // closed while listing
            }
            if (!target.startsWith("/sys/fs/cgroup/") && !target.equals(SELF_FDS)) {
              open.put(fd.getFileName().toString(), target);
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Optional.of(open);
  }

  /**
   * The descriptors open now, looked at again for up to a second while they are not {@code
   * expected}. A descriptor another thread of the JVM opens for a moment (a transient one that
   * {@link #openFileDescriptors()} does not know to leave out) is gone by then; a leaked one stays
   * open, so a leak is still seen.
   */
  static Map<String, String> settledDescriptors(Predicate<Map<String, String>> expected) {
    Map<String, String> now = openFileDescriptors().orElseThrow();
    for (int i = 0; i < 20 && !expected.test(now); i++) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      now = openFileDescriptors().orElseThrow();
    }
    return now;
  }

  /** The difference between two snapshots, for a failure message. */
  static String diff(Map<String, String> before, Map<String, String> after) {
    StringBuilder out = new StringBuilder();
    before.forEach(
        (fd, target) -> {
          if (!target.equals(after.get(fd))) {
            out.append("  closed during the run: ")
                .append(fd)
                .append(" -> ")
                .append(target)
                .append('\n');
          }
        });
    after.forEach(
        (fd, target) -> {
          if (!target.equals(before.get(fd))) {
            out.append("  opened during the run: ")
                .append(fd)
                .append(" -> ")
                .append(target)
                .append('\n');
          }
        });
    return out.toString();
  }

  @Override
  public void close() throws IOException {
    pool.shutdown();
    try {
      if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
        pool.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      server.close();
    }
  }
}
