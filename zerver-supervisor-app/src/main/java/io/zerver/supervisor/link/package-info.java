/** The supervisor's end of the link: turns request frames into engine requests and back. */
@NullMarked
package io.zerver.supervisor.link;

import org.jspecify.annotations.NullMarked;
