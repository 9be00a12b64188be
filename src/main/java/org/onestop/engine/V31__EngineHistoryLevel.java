package org.onestop.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * OneStop's engine history went from {@code full} to {@code activity} (see "Engine history" in the README). The engine
 * records its history level in {@code ACT_GE_PROPERTY} on a new database and refuses to start when its configuration
 * says another; this moves a database the engine already used to the configured level, once. Flyway runs before the
 * engine starts (the engine works in the JPA transaction manager, which waits for Flyway). On a new database the
 * engine's tables do not exist yet and there is nothing to do. A bean, which Spring Boot hands to Flyway.
 */
@Component
class V31__EngineHistoryLevel extends BaseJavaMigration {

    /** The ids Camunda stores for its built-in levels. */
    private static final Map<String, String> LEVELS = Map.of("none", "0", "activity", "1", "audit", "2", "full", "3");

    private final String level;

    V31__EngineHistoryLevel(CamundaBpmProperties camunda) {
        this.level = camunda.getHistoryLevel();
    }

    @Override
    public void migrate(Context context) throws SQLException {
        String id = level == null ? null : LEVELS.get(level.toLowerCase(Locale.ROOT));
        Connection connection = context.getConnection();
        if (id == null || !hasEngineTables(connection)) {
            return; // "auto" keeps what the database says
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE ACT_GE_PROPERTY SET VALUE_ = ? WHERE NAME_ = 'historyLevel'")) {
            update.setString(1, id);
            update.executeUpdate();
        }
    }

    private static boolean hasEngineTables(Connection connection) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(connection.getCatalog(), null, "%", new String[] {"TABLE"})) {
            while (tables.next()) {
                if ("ACT_GE_PROPERTY".equalsIgnoreCase(tables.getString("TABLE_NAME"))) {
                    return true;
                }
            }
        }
        return false;
    }
}
