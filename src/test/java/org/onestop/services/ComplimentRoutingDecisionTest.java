package org.onestop.services;

import static org.onestop.services.RoutingOutputs.routed;
import static org.onestop.testing.DecisionTableUnderTest.expect;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.onestop.testing.DecisionTableUnderTest;

/**
 * dmn/routing-compliment.dmn: one case per rule (named by the rule id it must hit, with the routing it must give),
 * unknown and unanswered answers included, and a check that every rule has a case.
 */
class ComplimentRoutingDecisionTest {

    @TestFactory
    Stream<DynamicTest> complimentRouting() {
        return DecisionTableUnderTest.load("dmn/routing-compliment.dmn", "ComplimentRouting").check(
                expect("Rule_ComplimentForRoads")
                        .given("aboutDepartment", "roads")
                        .then(routed("roads", "low")),
                expect("Rule_ComplimentForWaste")
                        .given("aboutDepartment", "waste")
                        .then(routed("waste", "low")),
                expect("Rule_ComplimentForBylaw")
                        .given("aboutDepartment", "bylaw")
                        .then(routed("bylaw", "low")),
                expect("Rule_ComplimentForTransportation")
                        .given("aboutDepartment", "transportation")
                        .then(routed("transportation", "low")),
                expect("Rule_ComplimentForForestry")
                        .given("aboutDepartment", "forestry")
                        .then(routed("forestry", "low")),
                expect("Rule_ComplimentForAnimalServices")
                        .given("aboutDepartment", "animal-services")
                        .then(routed("animal-services", "low")),
                expect("Rule_ComplimentForWater")
                        .given("aboutDepartment", "water")
                        .then(routed("water", "low")),
                expect("Rule_ComplimentForCustomerService")
                        .given("aboutDepartment", "customer-service")
                        .then(routed("customer-service", "low")),
                expect("Rule_OtherComplimentsGoToCustomerService")
                        .given("aboutDepartment", "other")
                        .then(routed("customer-service", "low")),
                expect("Rule_OtherComplimentsGoToCustomerService")
                        .given("aboutDepartment", "parks-and-recreation")
                        .then(routed("customer-service", "low")),
                expect("Rule_OtherComplimentsGoToCustomerService")
                        .given("aboutDepartment", null)
                        .then(routed("customer-service", "low")),
                expect("Rule_OtherComplimentsGoToCustomerService")
                        .given()
                        .then(routed("customer-service", "low")));
    }
}
