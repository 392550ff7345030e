/**
 * The todos sample feature (docs/contract.md): a per-user todo list over the DB key/value effects.
 * {@link io.zerver.samples.todos.TodosFeature} is the feature's only entry point.
 */
@NullMarked
package io.zerver.samples.todos;

import org.jspecify.annotations.NullMarked;
