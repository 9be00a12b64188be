package org.onestop.services;

import static org.onestop.services.RoutingOutputs.routed;
import static org.onestop.testing.DecisionTableUnderTest.expect;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.onestop.testing.DecisionTableUnderTest;

/**
 * dmn/routing-complaint.dmn: one case per rule (named by the rule id it must hit, with the routing it must give),
 * unknown and unanswered answers included, and a check that every rule has a case.
 */
class ComplaintRoutingDecisionTest {

    @TestFactory
    Stream<DynamicTest> complaintRouting() {
        return DecisionTableUnderTest.load("dmn/routing-complaint.dmn", "ComplaintRouting").check(
                expect("Rule_ComplaintAboutRoads")
                        .given("aboutDepartment", "roads")
                        .then(routed("roads", "normal")),
                expect("Rule_ComplaintAboutWaste")
                        .given("aboutDepartment", "waste")
                        .then(routed("waste", "normal")),
                expect("Rule_ComplaintAboutBylaw")
                        .given("aboutDepartment", "bylaw")
                        .then(routed("bylaw", "normal")),
                expect("Rule_ComplaintAboutTransportation")
                        .given("aboutDepartment", "transportation")
                        .then(routed("transportation", "normal")),
                expect("Rule_ComplaintAboutForestry")
                        .given("aboutDepartment", "forestry")
                        .then(routed("forestry", "normal")),
                expect("Rule_ComplaintAboutAnimalServices")
                        .given("aboutDepartment", "animal-services")
                        .then(routed("animal-services", "normal")),
                expect("Rule_ComplaintAboutWater")
                        .given("aboutDepartment", "water")
                        .then(routed("water", "normal")),
                expect("Rule_ComplaintAboutCustomerService")
                        .given("aboutDepartment", "customer-service")
                        .then(routed("customer-service", "normal")),
                expect("Rule_OtherComplaintsGoToCustomerService")
                        .given("aboutDepartment", "other")
                        .then(routed("customer-service", "normal")),
                expect("Rule_OtherComplaintsGoToCustomerService")
                        .given("aboutDepartment", "parks-and-recreation")
                        .then(routed("customer-service", "normal")),
                expect("Rule_OtherComplaintsGoToCustomerService")
                        .given("aboutDepartment", null)
                        .then(routed("customer-service", "normal")),
                expect("Rule_OtherComplaintsGoToCustomerService")
                        .given()
                        .then(routed("customer-service", "normal")));
    }
}
