package org.onestop.departments;

/**
 * A department was added or changed (published inside the transaction that saves it): security makes its engine
 * groups and their rights in the same transaction, so a department is never saved without them.
 *
 * @param added true for a new department, false for a change to one
 */
public record DepartmentSaved(Departments.Department department, boolean added) {
}
