/**
 * The blog sample feature (docs/contract.md): posts and their comments as a JSON API over the DB
 * key/value effects, and server-rendered pages with HTMX fragments.
 * {@link io.zerver.samples.blog.BlogFeature} is the feature's only entry point.
 */
@NullMarked
package io.zerver.samples.blog;

import org.jspecify.annotations.NullMarked;
