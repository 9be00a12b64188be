package org.onestop.departments;

import java.util.Locale;

import org.springframework.stereotype.Component;

/** Departments' names for the pages, in the page's language: {@code ${@departmentNames.of(c.department, #locale)}}. */
@Component("departmentNames")
public class DepartmentNames {

    private final Departments departments;

    DepartmentNames(Departments departments) {
        this.departments = departments;
    }

    /** The name of the department with this id in this language, or null for none. */
    public String of(String id, Locale locale) {
        return id == null ? null : departments.nameOf(id, locale);
    }
}
