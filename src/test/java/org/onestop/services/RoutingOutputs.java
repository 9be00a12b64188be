package org.onestop.services;

/** The outputs every routing table ({@code dmn/routing-*.dmn}) gives, for the routing decision tests' expectations. */
final class RoutingOutputs {

    private RoutingOutputs() {
    }

    /** {@code departmentGroup} and {@code priority}, as output names and values (the supervisors follow from the department). */
    static Object[] routed(String departmentGroup, String priority) {
        return new Object[] {"departmentGroup", departmentGroup, "priority", priority};
    }
}
