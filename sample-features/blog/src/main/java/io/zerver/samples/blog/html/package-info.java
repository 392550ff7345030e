/**
 * A small escaping template: {@link io.zerver.samples.blog.html.Template} fills
 * {@code {{name}}} placeholders, HTML-escaping every value that is not already
 * {@link io.zerver.samples.blog.html.Html}.
 */
@NullMarked
package io.zerver.samples.blog.html;

import org.jspecify.annotations.NullMarked;
