/**
 * Test support: {@link io.zerver.test.ReqTest} runs one step or a whole pipeline in
 * milliseconds, with {@link io.zerver.test.FakeEffects} scripting what effects return.
 */
@NullMarked
package io.zerver.test;

import org.jspecify.annotations.NullMarked;
