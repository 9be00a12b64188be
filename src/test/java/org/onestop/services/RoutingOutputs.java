package org.onestop.services;

/** The outputs every routing table ({@code dmn/routing-*.dmn}) gives, for the routing decision tests' expectations. */
final class RoutingOutputs {

    private RoutingOutputs() {
    }

    /** {@code departmentGroup}, {@code priority} and {@code escalationGroup}, as output names and values. */
    static Object[] routed(String departmentGroup, String priority, String escalationGroup) {
        return new Object[] {"departmentGroup", departmentGroup, "priority", priority, "escalationGroup", escalationGroup};
    }
}
