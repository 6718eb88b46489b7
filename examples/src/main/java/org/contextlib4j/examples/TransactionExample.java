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

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.contextlib4j.ContextManager;
import org.contextlib4j.Contexts;
import org.contextlib4j.ExitStack;
import org.jspecify.annotations.Nullable;

/**
 * An exit that sees how the block ended: it commits on success and rolls back on failure, which
 * {@link AutoCloseable#close()} cannot do. The "database" is an in-memory table.
 */
final class TransactionExample {
  private TransactionExample() {}

  /** A table with transactional writes: rows are staged and become visible on commit. */
  static final class Table {
    final List<String> rows = new ArrayList<>();
  }

  /** The transaction: enter returns the staging list; exit commits or rolls back. */
  static final class Transaction implements ContextManager<List<String>> {
    private final Table table;
    private final PrintStream out;
    private final List<String> staged = new ArrayList<>();

    Transaction(Table table, PrintStream out) {
      this.table = table;
      this.out = out;
    }

    @Override
    public List<String> enter() {
      out.println("begin");
      return staged;
    }

    @Override
    public boolean exit(@Nullable Throwable failure) {
      if (failure == null) {
        table.rows.addAll(staged);
        out.println("commit " + staged);
      } else {
        out.println("rollback " + staged + " because: " + failure.getMessage());
      }
      return false; // never swallow the failure
    }
  }

  static void run(PrintStream out) {
    Table table = new Table();

    out.println("-- success, with Contexts.run:");
    Contexts.run(
        new Transaction(table, out),
        rows -> {
          rows.add("alice");
          rows.add("bob");
        });
    out.println("table: " + table.rows);

    out.println("-- failure inside an ExitStack (Python: with ExitStack() as stack):");
    try {
      Contexts.run(
          new ExitStack(),
          stack -> {
            List<String> rows = stack.enterContext(new Transaction(table, out));
            rows.add("mallory");
            throw new IllegalStateException("validation failed for mallory");
          });
    } catch (IllegalStateException e) {
      out.println("caught: " + e.getMessage());
    }
    out.println("table: " + table.rows);
  }
}
