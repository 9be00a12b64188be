package org.onestop.notifications;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Moves the opt-out tokens of links already sent into {@code notice_token} as SHA-256 hashes, so that those links keep
 * working once V13_3 drops the clear tokens. In Java because H2 and MariaDB spell SHA-256 differently in SQL; a bean,
 * which Spring Boot hands to Flyway, so that it runs from the packaged jar too.
 */
@Component
class V13_2__HashOptOutTokens extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement select = connection.createStatement();
             ResultSet rows = select.executeQuery("SELECT customer_id, token, created_at FROM notice_subscription");
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO notice_token (token_hash, customer_id, created_at) VALUES (?, ?, ?)")) {
            int pending = 0;
            while (rows.next()) {
                insert.setString(1, OptOuts.hash(rows.getString(2)));
                insert.setLong(2, rows.getLong(1));
                insert.setObject(3, rows.getObject(3, LocalDateTime.class));
                insert.addBatch();
                if (++pending == 500) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
    }
}
