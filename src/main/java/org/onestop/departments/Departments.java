package org.onestop.departments;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * The city's departments, as the {@code department} table holds them (administrators keep it at
 * {@code /admin/departments} and {@code /api/departments}; {@link DepartmentRegistry} reloads it on every node when it
 * changes). Each is a Camunda group of its staff, with {@code <id>-supervisors} (escalations), {@code <id>-oncall} and
 * {@code <id>-head} groups.
 * <p>
 * A {@code Departments} made with its constructor holds that list for good (tests, tools); the application's bean is
 * the registry's, always the table's latest.
 */
public class Departments {

    /**
     * A department: its group id, its name, its name in French (optional: English is shown without it), and what the
     * staff directory shows of it: its public phone number, e-mail address and a description (all optional).
     */
    public record Department(@NotBlank String id, @NotBlank String name, String nameFr, String phone, String email,
                             String description) {

        @ConstructorBinding
        public Department {
        }

        public Department(String id, String name, String nameFr) {
            this(id, name, nameFr, null, null, null);
        }

        public Department(String id, String name) {
            this(id, name, null);
        }

        /** Its name in this language: French when asked and given, else English. */
        public String name(Locale locale) {
            return locale != null && "fr".equals(locale.getLanguage()) && nameFr != null && !nameFr.isBlank() ? nameFr : name;
        }

        public String supervisorsGroup() {
            return Departments.supervisorsGroup(id);
        }

        /** The department's groups: its staff, supervisors, on-call rota and head (their types: {@link #GROUP_TYPES}). */
        public List<String> groups() {
            return List.of(id, supervisorsGroup(), id + "-oncall", id + "-head");
        }
    }

    /** The engine's group type of each of a department's {@link Department#groups()}, in the same order. */
    public static final List<String> GROUP_TYPES = List.of("DEPARTMENT", "SUPERVISORS", "ONCALL", "HEAD");

    private volatile List<Department> departments;

    public Departments(List<Department> departments) {
        this.departments = departments == null ? List.of() : List.copyOf(departments);
    }

    /** The departments, in the order they were added. */
    public List<Department> departments() {
        return departments;
    }

    /** Takes the table's departments as they are now (the registry, after a change here or on another node). */
    void replace(List<Department> now) {
        departments = List.copyOf(now);
    }

    public Optional<Department> find(String id) {
        return departments.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /** The group told when a case of the department (configured or not) is overdue: {@code <id>-supervisors}. */
    public static String supervisorsGroup(String departmentId) {
        return departmentId == null ? null : departmentId + "-supervisors";
    }

    /** The department's name, or the group id itself for a group not configured as a department. */
    public String nameOf(String id) {
        return id == null ? "-" : find(id).map(Department::name).orElse(id);
    }

    /** The department's name in this language (French when configured), or the group id for one not configured. */
    public String nameOf(String id, Locale locale) {
        return id == null ? "-" : find(id).map(d -> d.name(locale)).orElse(id);
    }
}
