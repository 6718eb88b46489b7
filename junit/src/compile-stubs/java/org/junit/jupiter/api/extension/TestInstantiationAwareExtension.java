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
package org.junit.jupiter.api.extension;

/**
 * A compile-time stand-in for the JUnit 5.12 type of this name, which the JUnit 5.10 API that
 * {@code contextlib4j-junit} compiles against lacks: it lets {@code ExitStackExtension} declare
 * {@code getTestInstantiationExtensionContextScope}, which JUnit 5.12 and later call. Only the
 * names matter, and they match JUnit's. It is patched into module {@code org.junit.jupiter.api}
 * for the main compilation and the Javadoc, and never packaged: at run time the class is JUnit's
 * own, or absent on 5.10 and 5.11, which never call that method.
 */
public interface TestInstantiationAwareExtension extends Extension {

  /** The scopes JUnit 5.12 defines; the extension returns {@link #TEST_METHOD}. */
  enum ExtensionContextScope {
    /** The scope the configuration parameters choose. */
    DEFAULT,
    /** The test method's context. */
    TEST_METHOD
  }
}
