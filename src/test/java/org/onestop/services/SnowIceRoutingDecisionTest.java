package org.onestop.services;

import static org.onestop.services.RoutingOutputs.routed;
import static org.onestop.testing.DecisionTableUnderTest.expect;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.onestop.testing.DecisionTableUnderTest;

/**
 * dmn/routing-snow-ice.dmn: one case per rule (named by the rule id it must hit, with the routing it must give),
 * unanswered questions included, and a check that every rule has a case.
 */
class SnowIceRoutingDecisionTest {

    @TestFactory
    Stream<DynamicTest> snowIceRouting() {
        return DecisionTableUnderTest.load("dmn/routing-snow-ice.dmn", "SnowIceRouting").check(
                expect("Rule_IcySidewalkOrBusStopIsHigh")
                        .given("snowProblem", "icy-sidewalk", "stormEnded", null)
                        .then(routed("roads", "high")),
                expect("Rule_IcySidewalkOrBusStopIsHigh")
                        .given("snowProblem", "bus-stop", "stormEnded", "still-snowing")
                        .then(routed("roads", "high")),
                expect("Rule_BlockedSightlineIsHigh")
                        .given("snowProblem", "snowbank", "stormEnded", "under-24-hours")
                        .then(routed("roads", "high")),
                expect("Rule_RoadNotPlowedLongAfterStormIsNormal")
                        .given("snowProblem", "road-not-plowed", "stormEnded", "over-24-hours")
                        .then(routed("roads", "normal")),
                expect("Rule_RoadNotPlowedDuringStormIsLow")
                        .given("snowProblem", "road-not-plowed", "stormEnded", "still-snowing")
                        .then(routed("roads", "low")),
                expect("Rule_RoadNotPlowedDuringStormIsLow")
                        .given("snowProblem", "road-not-plowed", "stormEnded", "under-24-hours")
                        .then(routed("roads", "low")),
                expect("Rule_RoadNotPlowedDuringStormIsLow")
                        .given("snowProblem", "road-not-plowed", "stormEnded", null)
                        .then(routed("roads", "low")),
                expect("Rule_DrivewayWindrowIsLow")
                        .given("snowProblem", "windrow", "stormEnded", "over-24-hours")
                        .then(routed("roads", "low")),
                expect("Rule_OtherSnowAndIceIsNormal")
                        .given("snowProblem", null, "stormEnded", "over-24-hours")
                        .then(routed("roads", "normal")),
                expect("Rule_OtherSnowAndIceIsNormal")
                        .given()
                        .then(routed("roads", "normal")));
    }
}
