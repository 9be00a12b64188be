package org.onestop.services;

import static org.onestop.services.RoutingOutputs.routed;
import static org.onestop.testing.DecisionTableUnderTest.expect;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.onestop.testing.DecisionTableUnderTest;

/**
 * dmn/routing-pothole.dmn: one case per rule (named by the rule id it must hit, with the routing it must give),
 * unanswered questions included, and a check that every rule has a case.
 */
class PotholeRoutingDecisionTest {

    @TestFactory
    Stream<DynamicTest> potholeRouting() {
        return DecisionTableUnderTest.load("dmn/routing-pothole.dmn", "PotholeRouting").check(
                expect("Rule_HazardIsUrgent")
                        .given("hazard", true, "size", "small", "locationOnRoad", "shoulder")
                        .then(routed("roads", "urgent")),
                expect("Rule_HazardIsUrgent")
                        .given("hazard", true, "size", "large", "locationOnRoad", "crosswalk")
                        .then(routed("roads", "urgent")),
                expect("Rule_LargePotholeIsHigh")
                        .given("hazard", false, "size", "large", "locationOnRoad", "driving-lane")
                        .then(routed("roads", "high")),
                expect("Rule_VulnerableRoadUsersAreHigh")
                        .given("hazard", false, "size", "small", "locationOnRoad", "bike-lane")
                        .then(routed("roads", "high")),
                expect("Rule_VulnerableRoadUsersAreHigh")
                        .given("hazard", false, "size", "medium", "locationOnRoad", "intersection")
                        .then(routed("roads", "high")),
                expect("Rule_VulnerableRoadUsersAreHigh")
                        .given("hazard", false, "size", "small", "locationOnRoad", "crosswalk")
                        .then(routed("roads", "high")),
                expect("Rule_OtherPotholesAreNormal")
                        .given("hazard", false, "size", "medium", "locationOnRoad", "driving-lane")
                        .then(routed("roads", "normal")),
                expect("Rule_OtherPotholesAreNormal")
                        .given("hazard", null, "size", null, "locationOnRoad", null)
                        .then(routed("roads", "normal")),
                expect("Rule_OtherPotholesAreNormal")
                        .given()
                        .then(routed("roads", "normal")));
    }
}
