package org.onestop.departments;

import java.util.List;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The city's departments ({@code onestop.departments}). Each is a Camunda group of its staff, with a
 * {@code <id>-supervisors} group for escalations.
 */
@Validated
@ConfigurationProperties("onestop")
public record Departments(List<@Valid Department> departments) {

    public record Department(@NotBlank String id, @NotBlank String name) {
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
}
