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

import org.contextlib4j.AsyncExitStack;
import org.contextlib4j.CleanupAction;
import org.contextlib4j.ContextManager;
import org.contextlib4j.ExitHandler;
import org.contextlib4j.ExitStack;

/** The synchronous registration methods, which both stacks have, behind one type. */
interface Target {
  <T> T enterContext(ContextManager<T> manager);

  void push(ExitHandler handler);

  void pushManager(ContextManager<?> manager);

  void callback(CleanupAction action);

  <C extends AutoCloseable> C register(C resource);

  static Target of(ExitStack stack) {
    return new Target() {
      @Override
      public <T> T enterContext(ContextManager<T> manager) {
        return stack.enterContext(manager);
      }

      @Override
      public void push(ExitHandler handler) {
        stack.push(handler);
      }

      @Override
      public void pushManager(ContextManager<?> manager) {
        stack.push(manager);
      }

      @Override
      public void callback(CleanupAction action) {
        stack.callback(action);
      }

      @Override
      public <C extends AutoCloseable> C register(C resource) {
        return stack.register(resource);
      }
    };
  }

  static Target of(AsyncExitStack stack) {
    return new Target() {
      @Override
      public <T> T enterContext(ContextManager<T> manager) {
        return stack.enterContext(manager);
      }

      @Override
      public void push(ExitHandler handler) {
        stack.push(handler);
      }

      @Override
      public void pushManager(ContextManager<?> manager) {
        stack.push(manager);
      }

      @Override
      public void callback(CleanupAction action) {
        stack.callback(action);
      }

      @Override
      public <C extends AutoCloseable> C register(C resource) {
        return stack.register(resource);
      }
    };
  }
}
