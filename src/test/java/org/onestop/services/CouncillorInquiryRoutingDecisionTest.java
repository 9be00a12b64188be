package org.onestop.services;

import static org.onestop.services.RoutingOutputs.routed;
import static org.onestop.testing.DecisionTableUnderTest.expect;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.onestop.testing.DecisionTableUnderTest;

/**
 * dmn/routing-councillor-inquiry.dmn: one case per rule (named by the rule id it must hit, with the routing it must give),
 * unknown and unanswered answers included, and a check that every rule has a case.
 */
class CouncillorInquiryRoutingDecisionTest {

    @TestFactory
    Stream<DynamicTest> councillorInquiryRouting() {
        return DecisionTableUnderTest.load("dmn/routing-councillor-inquiry.dmn", "CouncillorInquiryRouting").check(
                expect("Rule_RoadsAndTrafficGoToTransportation")
                        .given("topic", "roads-traffic")
                        .then(routed("transportation", "high")),
                expect("Rule_RoadRepairGoesToRoads")
                        .given("topic", "road-repair")
                        .then(routed("roads", "high")),
                expect("Rule_GarbageGoesToWaste")
                        .given("topic", "garbage")
                        .then(routed("waste", "high")),
                expect("Rule_BylawGoesToBylaw")
                        .given("topic", "bylaw")
                        .then(routed("bylaw", "high")),
                expect("Rule_TreesAndParksGoToForestry")
                        .given("topic", "trees-parks")
                        .then(routed("forestry", "high")),
                expect("Rule_WaterGoesToWater")
                        .given("topic", "water")
                        .then(routed("water", "high")),
                expect("Rule_AnimalsGoToAnimalServices")
                        .given("topic", "animals")
                        .then(routed("animal-services", "high")),
                expect("Rule_OtherInquiriesGoToCustomerService")
                        .given("topic", "other")
                        .then(routed("customer-service", "high")),
                expect("Rule_OtherInquiriesGoToCustomerService")
                        .given("topic", "snow")
                        .then(routed("customer-service", "high")),
                expect("Rule_OtherInquiriesGoToCustomerService")
                        .given("topic", null)
                        .then(routed("customer-service", "high")),
                expect("Rule_OtherInquiriesGoToCustomerService")
                        .given()
                        .then(routed("customer-service", "high")));
    }
}
