package org.onestop.migration;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The record of migrations started (table {@code case_migration}): who moved which cases of which service, and when. */
@Repository
class Migrations {

    /** How many of a service's migrations its page and API list, newest first. */
    static final int HISTORY = 20;

    /**
     * One migration: a try on one case ({@code caseReference} set, done at once) or a move of all cases of a version
     * ({@code batchId}: the engine's batch).
     */
    record Migration(long id, String serviceCode, String processKey, int sourceVersion, int targetVersion,
                     String targetDefinitionId, String caseReference, int cases, String batchId, String startedBy,
                     Instant startedAt) {
    }

    private final JdbcClient jdbc;

    Migrations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Migration add(String serviceCode, String processKey, int sourceVersion, int targetVersion, String targetDefinitionId,
                  String caseReference, int cases, String batchId, String startedBy, Instant startedAt) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO case_migration (service_code, process_key, source_version, target_version, target_definition_id,"
                        + " case_reference, cases, batch_id, started_by, started_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(serviceCode, processKey, sourceVersion, targetVersion, targetDefinitionId, caseReference, cases, batchId,
                        startedBy, Timestamp.from(startedAt))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        return new Migration(id, serviceCode, processKey, sourceVersion, targetVersion, targetDefinitionId, caseReference,
                cases, batchId, startedBy, startedAt);
    }

    List<Migration> ofService(String serviceCode) {
        return jdbc.sql("SELECT * FROM case_migration WHERE service_code = ? ORDER BY started_at DESC, id DESC LIMIT " + HISTORY)
                .param(serviceCode).query(Migrations::row).list();
    }

    Optional<Migration> find(String serviceCode, long id) {
        return jdbc.sql("SELECT * FROM case_migration WHERE id = ? AND service_code = ?").params(id, serviceCode)
                .query(Migrations::row).optional();
    }

    private static Migration row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Migration(rs.getLong("id"), rs.getString("service_code"), rs.getString("process_key"),
                rs.getInt("source_version"), rs.getInt("target_version"), rs.getString("target_definition_id"),
                rs.getString("case_reference"), rs.getInt("cases"), rs.getString("batch_id"), rs.getString("started_by"),
                rs.getTimestamp("started_at").toInstant());
    }
}
