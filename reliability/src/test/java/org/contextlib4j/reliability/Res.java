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

import static org.contextlib4j.reliability.Sneaky.sneaky;

import java.io.FileOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.contextlib4j.reliability.Injected.Kind;
import org.jspecify.annotations.Nullable;

/**
 * One real resource of a run (a file, a socket pair, an H2 connection), with its injected faults:
 * opening may throw instead of opening, and closing may throw after really closing. Every real
 * failure (one the JDK or H2 throws, not an injected one) is recorded in the run's ledger too, so
 * that it must not be lost either. Each instance counts its {@code close} calls: exactly one is
 * expected.
 */
final class Res implements AutoCloseable {

  /** The kinds of real resource. */
  enum Type {
    FILE_CHANNEL,
    FILE_STREAM,
    SOCKET,
    SOCKET_CHANNEL,
    H2
  }

  private interface Check {
    boolean released() throws Exception;
  }

  final String label;
  private final FaultRun run;
  private final @Nullable Kind closeFault;
  private final List<AutoCloseable> parts; // closed last first
  private final Check released;
  private final AtomicInteger closeCalls = new AtomicInteger();

  private Res(
      FaultRun run,
      String label,
      @Nullable Kind closeFault,
      List<AutoCloseable> parts,
      Check released) {
    this.run = run;
    this.label = label;
    this.closeFault = closeFault;
    this.parts = parts;
    this.released = released;
  }

  /** Opens a resource (or throws the injected open fault), and registers it with the run. */
  static Res open(
      FaultRun run, Type type, String label, @Nullable Kind openFault, @Nullable Kind closeFault)
      throws Exception {
    if (openFault != null) {
      throw sneaky(run.inject(openFault, "open " + label));
    }
    List<AutoCloseable> parts = new ArrayList<>(2);
    Check released;
    RealWorld world = run.world;
    try {
      switch (type) {
        case FILE_CHANNEL -> {
          FileChannel channel =
              FileChannel.open(
                  world.file(run.nextFileIndex()),
                  StandardOpenOption.CREATE,
                  StandardOpenOption.WRITE,
                  StandardOpenOption.APPEND);
          parts.add(channel);
          channel.write(ByteBuffer.wrap(new byte[] {1}));
          released = () -> !channel.isOpen();
        }
        case FILE_STREAM -> {
          FileOutputStream stream =
              new FileOutputStream(world.file(run.nextFileIndex()).toFile(), true);
          parts.add(stream);
          stream.write(2);
          released = () -> !stream.getFD().valid();
        }
        case SOCKET -> {
          Socket client = new Socket();
          parts.add(client);
          Socket accepted;
          synchronized (world.acceptLock()) {
            client.connect(world.address(), 10_000);
            accepted = world.accept();
          }
          parts.add(accepted);
          client.getOutputStream().write(3);
          expectByte(accepted, 3);
          released = () -> client.isClosed() && accepted.isClosed();
        }
        case SOCKET_CHANNEL -> {
          Socket accepted;
          SocketChannel client;
          synchronized (world.acceptLock()) {
            client = SocketChannel.open(world.address());
            parts.add(client);
            accepted = world.accept();
          }
          parts.add(accepted);
          client.write(ByteBuffer.wrap(new byte[] {4}));
          expectByte(accepted, 4);
          released = () -> !client.isOpen() && accepted.isClosed();
        }
        case H2 -> {
          Connection connection = world.h2();
          parts.add(connection);
          try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
          }
          released = connection::isClosed;
        }
        default -> throw new AssertionError(type);
      }
    } catch (Throwable t) {
      run.real(t);
      Throwable closeFailure = releaseAll(run, parts);
      if (closeFailure != null) {
        t.addSuppressed(closeFailure);
      }
      throw t;
    }
    return run.track(new Res(run, label, closeFault, parts, released));
  }

  private static void expectByte(Socket accepted, int expected) throws IOException {
    int read = accepted.getInputStream().read();
    if (read != expected) {
      throw new IOException("expected byte " + expected + " but read " + read);
    }
  }

  /** Closes the parts, last first; returns the first failure with the others attached. */
  private static @Nullable Throwable releaseAll(FaultRun run, List<AutoCloseable> parts) {
    Throwable failure = null;
    for (int i = parts.size() - 1; i >= 0; i--) {
      try {
        parts.get(i).close();
      } catch (Throwable t) {
        run.real(t);
        if (failure == null) {
          failure = t;
        } else {
          failure.addSuppressed(t);
        }
      }
    }
    return failure;
  }

  /**
   * Really closes, then throws the injected close fault, if any (with a real failure attached).
   * What it throws is undeclared, as the library's own sneaky throws.
   */
  @Override
  public void close() {
    closeCalls.incrementAndGet();
    Throwable failure = releaseAll(run, parts);
    if (closeFault != null) {
      Throwable injected = run.inject(closeFault, "close " + label);
      throw sneaky(failure == null ? injected : Managers.together(injected, failure));
    }
    if (failure != null) {
      throw sneaky(failure);
    }
  }

  /** Closes and returns what the close threw instead of throwing it. */
  static @Nullable Throwable closeCapturing(@Nullable Res resource) {
    if (resource == null) {
      return null;
    }
    try {
      resource.close();
      return null;
    } catch (Throwable t) {
      return t;
    }
  }

  int closeCalls() {
    return closeCalls.get();
  }

  /** Whether the real resource is released: the JDK's or H2's own state, not our counter. */
  boolean released() {
    try {
      return released.released();
    } catch (Exception e) {
      throw new IllegalStateException("cannot tell whether " + label + " is released", e);
    }
  }

  @Override
  public String toString() {
    return label;
  }
}
