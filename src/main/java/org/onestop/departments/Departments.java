package org.onestop.departments;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.validation.annotation.Validated;

/**
 * The city's departments ({@code onestop.departments}). Each is a Camunda group of its staff, with a
 * {@code <id>-supervisors} group for escalations.
 */
@Validated
@ConfigurationProperties("onestop")
public record Departments(List<@Valid Department> departments) {

    /** A department: its group id, its name, and its name in French (optional: English is shown without it). */
    public record Department(@NotBlank String id, @NotBlank String name, String nameFr) {

        @ConstructorBinding
        public Department {
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
    }

    public Departments {
        departments = departments == null ? List.of() : List.copyOf(departments);
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
