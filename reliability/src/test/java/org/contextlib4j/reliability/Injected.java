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
import java.sql.SQLException;

/**
 * The exceptions the fault injection throws: one type per kind, all marked {@link Injected}, none
 * with a stack trace (10,000 runs throw tens of thousands of them; the message names the run, the
 * resource and the point instead).
 */
interface Injected {

  /** What kind of exception to throw. */
  enum Kind {
    IO, // checked
    SQL, // checked
    RUNTIME,
    ERROR, // an Error that is not a VirtualMachineError
    INTERRUPTED, // checked; a handled one must set the interrupt status again
    VM_ERROR; // deliberately: never hidden under an ordinary exception by a plain cleanup

    Throwable create(String message) {
      return switch (this) {
        case IO -> new InjectedIoException(message);
        case SQL -> new InjectedSqlException(message);
        case RUNTIME -> new InjectedRuntimeException(message);
        case ERROR -> new InjectedError(message);
        case INTERRUPTED -> new InjectedInterruptedException(message);
        case VM_ERROR -> new InjectedVmError(message);
      };
    }
  }

  final class InjectedIoException extends IOException implements Injected {
    private static final long serialVersionUID = 1L;

    InjectedIoException(String message) {
      super(message);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this;
    }
  }

  final class InjectedSqlException extends SQLException implements Injected {
    private static final long serialVersionUID = 1L;

    InjectedSqlException(String message) {
      super(message);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this;
    }
  }

  final class InjectedRuntimeException extends RuntimeException implements Injected {
    private static final long serialVersionUID = 1L;

    InjectedRuntimeException(String message) {
      super(message);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this;
    }
  }

  final class InjectedError extends Error implements Injected {
    private static final long serialVersionUID = 1L;

    InjectedError(String message) {
      super(message);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this;
    }
  }

  final class InjectedInterruptedException extends InterruptedException implements Injected {
    private static final long serialVersionUID = 1L;

    InjectedInterruptedException(String message) {
      super(message);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this;
    }
  }

  final class InjectedVmError extends VirtualMachineError implements Injected {
    private static final long serialVersionUID = 1L;

    InjectedVmError(String message) {
      super(message);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this;
    }
  }
}
