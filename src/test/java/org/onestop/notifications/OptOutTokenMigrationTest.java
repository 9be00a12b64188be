package org.onestop.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The opt-out tokens of links already sent, stored in clear before V13_2: after the migration only their SHA-256 is
 * kept, for the same customer, and the clear column is gone. On a database of its own, without the application.
 */
class OptOutTokenMigrationTest {

    @Test
    void linksAlreadySentKeepWorkingWithOnlyTheirHashStored() {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:opt-out-migration;DB_CLOSE_DELAY=-1");
        db.setUser("sa");
        JdbcTemplate jdbc = new JdbcTemplate(db);
        flyway(db).target("11").load().migrate();

        jdbc.update("INSERT INTO customer (name, email, preferred_channel, created_at, updated_at)"
                + " VALUES ('Olive Out', 'olive@example.org', 'EMAIL', '2026-01-05 10:00:00', '2026-01-05 10:00:00')");
        long customer = jdbc.queryForObject("SELECT id FROM customer WHERE email = 'olive@example.org'", Long.class);
        String token = "q".repeat(43);
        jdbc.update("INSERT INTO notice_subscription (customer_id, token, opted_out, created_at, changed_at)"
                + " VALUES (?, ?, TRUE, '2026-01-05 10:00:00', '2026-01-06 09:00:00')", customer, token);

        flyway(db).load().migrate();

        assertThat(jdbc.queryForList("SELECT token_hash, customer_id FROM notice_token"))
                .containsExactly(Map.of("TOKEN_HASH", OptOuts.hash(token), "CUSTOMER_ID", customer));
        assertThat(OptOuts.hash(token)).hasSize(64).isNotEqualTo(token);
        assertThat(jdbc.queryForObject("SELECT opted_out FROM notice_subscription WHERE customer_id = ?", Boolean.class, customer)).isTrue();
        List<String> columns = jdbc.queryForList("SELECT column_name FROM information_schema.columns WHERE table_name = 'NOTICE_SUBSCRIPTION'",
                String.class);
        assertThat(columns).isNotEmpty().doesNotContain("TOKEN");
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(JdbcDataSource db) {
        return Flyway.configure().dataSource(db).locations("classpath:db/migration").javaMigrations(new V13_2__HashOptOutTokens());
    }
}
