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
/**
 * contextlib4j: Python's {@code contextlib} for Java.
 *
 * <p>The only exported package is {@link org.contextlib4j}; start with {@link
 * org.contextlib4j.ExitStack} and {@link org.contextlib4j.Contexts}.
 */
module org.contextlib4j {
  // Static and not transitive: the annotations are for checkers at compile time, and a consumer
  // module must compile without JSpecify present (ConsumerCompileTest), which "requires static
  // transitive" would forbid ("module not found: org.jspecify"). Hence -Xlint:-exports in pom.xml.
  requires static org.jspecify;

  exports org.contextlib4j;
}
