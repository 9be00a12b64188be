package org.onestop.departments;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code department} table (V41). Its version is its row count and highest revision: any change moves it. */
@Repository
class DepartmentTable {

    /** What the table holds now, to compare with what a node loaded. */
    record Version(long count, long revision) {
    }

    private final JdbcTemplate jdbc;

    DepartmentTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Departments.Department> all() {
        return jdbc.query("SELECT id, name, name_fr, phone, email, description FROM department ORDER BY sort_key, id",
                (rs, n) -> new Departments.Department(rs.getString("id"), rs.getString("name"), rs.getString("name_fr"),
                        rs.getString("phone"), rs.getString("email"), rs.getString("description")));
    }

    Version version() {
        return jdbc.queryForObject("SELECT COUNT(*), COALESCE(MAX(revision), 0) FROM department",
                (rs, n) -> new Version(rs.getLong(1), rs.getLong(2)));
    }

    boolean exists(String id) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM department WHERE id = ?", Long.class, id) > 0;
    }

    void insert(Departments.Department d, Instant at, String actor) {
        jdbc.update("INSERT INTO department (id, name, name_fr, phone, email, description, sort_key, revision, updated_at, updated_by) "
                        + "SELECT ?, ?, ?, ?, ?, ?, COALESCE(MAX(sort_key), 0) + 1, COALESCE(MAX(revision), 0) + 1, ?, ? FROM department",
                d.id(), d.name(), d.nameFr(), d.phone(), d.email(), d.description(), Timestamp.from(at), actor);
    }

    /** Changes everything but the id; false when there is no such department. */
    boolean update(Departments.Department d, Instant at, String actor) {
        long next = jdbc.queryForObject("SELECT COALESCE(MAX(revision), 0) + 1 FROM department", Long.class);
        return jdbc.update("UPDATE department SET name = ?, name_fr = ?, phone = ?, email = ?, description = ?, revision = ?, "
                        + "updated_at = ?, updated_by = ? WHERE id = ?",
                d.name(), d.nameFr(), d.phone(), d.email(), d.description(), next, Timestamp.from(at), actor, d.id()) == 1;
    }
}
