package org.onestop.services;

import static org.onestop.services.RoutingOutputs.routed;
import static org.onestop.testing.DecisionTableUnderTest.expect;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.onestop.testing.DecisionTableUnderTest;

/**
 * dmn/routing-traffic-signal.dmn: one case per rule (named by the rule id it must hit, with the routing it must give),
 * unanswered questions included, and a check that every rule has a case.
 */
class TrafficSignalRoutingDecisionTest {

    @TestFactory
    Stream<DynamicTest> trafficSignalRouting() {
        return DecisionTableUnderTest.load("dmn/routing-traffic-signal.dmn", "TrafficSignalRouting").check(
                expect("Rule_AllWayDarkOrFlashingIsEmergency")
                        .given("signalProblem", "dark", "allDirections", true)
                        .then(routed("transportation", "emergency")),
                expect("Rule_AllWayDarkOrFlashingIsEmergency")
                        .given("signalProblem", "flashing", "allDirections", true)
                        .then(routed("transportation", "emergency")),
                expect("Rule_DarkOrFlashingIsUrgent")
                        .given("signalProblem", "dark", "allDirections", false)
                        .then(routed("transportation", "urgent")),
                expect("Rule_DarkOrFlashingIsUrgent")
                        .given("signalProblem", "flashing", "allDirections", null)
                        .then(routed("transportation", "urgent")),
                expect("Rule_DamagedSignalIsUrgent")
                        .given("signalProblem", "damaged", "allDirections", true)
                        .then(routed("transportation", "urgent")),
                expect("Rule_StuckSignalIsHigh")
                        .given("signalProblem", "stuck", "allDirections", false)
                        .then(routed("transportation", "high")),
                expect("Rule_OtherSignalProblemsAreNormal")
                        .given("signalProblem", "lamp-out", "allDirections", true)
                        .then(routed("transportation", "normal")),
                expect("Rule_OtherSignalProblemsAreNormal")
                        .given("signalProblem", "pedestrian", "allDirections", false)
                        .then(routed("transportation", "normal")),
                expect("Rule_OtherSignalProblemsAreNormal")
                        .given("signalProblem", null, "allDirections", true)
                        .then(routed("transportation", "normal")),
                expect("Rule_OtherSignalProblemsAreNormal")
                        .given()
                        .then(routed("transportation", "normal")));
    }
}
