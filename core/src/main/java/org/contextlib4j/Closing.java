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
package org.contextlib4j;

/**
 * {@link Contexts#closing}: a manager whose exit closes a resource as a plain cleanup. The stacks
 * recognise it and close the resource directly (a closed {@link ExitStack} unwinds in place).
 */
@SuppressWarnings("try") // AutoCloseable for the engine's plain step, not for try blocks
final class Closing<C extends AutoCloseable> extends PlainExit<C> {
  final C resource;

  Closing(C resource) {
    this.resource = resource;
  }

  @Override
  public C enter() {
    return resource;
  }

  @Override
  public void close() throws Exception {
    resource.close();
  }

  @Override
  public String toString() {
    return "closing(" + resource + ")";
  }
}
