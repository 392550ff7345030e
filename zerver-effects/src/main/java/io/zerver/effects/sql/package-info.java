/**
 * The SQL effects ({@code sql.query/update/batch/transaction}): the application's own SQL on its
 * own DataSources, through Spring's {@code JdbcClient}. Start at {@link io.zerver.effects.sql.SqlEffects}.
 */
@NullMarked
package io.zerver.effects.sql;

import org.jspecify.annotations.NullMarked;
