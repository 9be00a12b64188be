package org.onestop.models;

/**
 * One reason a model may not be deployed.
 *
 * @param resource the file in the deployment, e.g. {@code pothole.bpmn}
 * @param elementId the id of the BPMN or DMN element it is on (the nearest one with an id), or null for the whole file
 * @param where the attribute or element that holds it, e.g. {@code camunda:expression}
 * @param expression the expression or value found there, or null
 * @param problem what is wrong
 * @param fix how to fix it
 */
public record ModelProblem(String resource, String elementId, String where, String expression, String problem, String fix) {

    /** One line for people: resource, element, where, the expression, what is wrong and how to fix it. */
    public String describe() {
        StringBuilder line = new StringBuilder(resource);
        if (elementId != null) {
            line.append(", element ").append(elementId);
        }
        if (where != null) {
            line.append(", ").append(where);
        }
        if (expression != null) {
            line.append(": ").append(expression);
        }
        return line.append(" - ").append(problem).append(". Fix: ").append(fix).toString();
    }
}
