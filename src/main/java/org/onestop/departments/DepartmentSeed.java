package org.onestop.departments;

import java.util.List;

import jakarta.validation.Valid;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code onestop.departments}: the departments written into the empty {@code department} table on the first start
 * (Lakeport's nine in application.yaml). Once the table holds any department this list is no longer read: departments
 * are then added and changed by administrators ({@code /admin/departments}, {@code /api/departments}).
 */
@Validated
@ConfigurationProperties("onestop")
public record DepartmentSeed(List<Departments.@Valid Department> departments) {

    public DepartmentSeed {
        departments = departments == null ? List.of() : List.copyOf(departments);
    }
}
