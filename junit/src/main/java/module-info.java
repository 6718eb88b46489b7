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
 * contextlib4j for JUnit Jupiter: {@link org.contextlib4j.junit.ExitStackExtension} injects an
 * {@link org.contextlib4j.ExitStack} and an {@link org.contextlib4j.AsyncExitStack} into tests and
 * unwinds them after each test, passing the test's failure to the exits.
 */
module org.contextlib4j.junit {
  requires transitive org.contextlib4j;
  requires transitive org.junit.jupiter.api;
  requires static org.jspecify;

  exports org.contextlib4j.junit;
}
