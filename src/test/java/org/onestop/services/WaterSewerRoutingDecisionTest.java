package org.onestop.services;

import static org.onestop.services.RoutingOutputs.routed;
import static org.onestop.testing.DecisionTableUnderTest.expect;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.onestop.testing.DecisionTableUnderTest;

/**
 * dmn/routing-water-sewer.dmn: one case per rule (named by the rule id it must hit, with the routing it must give),
 * unanswered questions included, and a check that every rule has a case.
 */
class WaterSewerRoutingDecisionTest {

    @TestFactory
    Stream<DynamicTest> waterSewerRouting() {
        return DecisionTableUnderTest.load("dmn/routing-water-sewer.dmn", "WaterSewerRouting").check(
                expect("Rule_LossOfServiceOrFloodingIsEmergency")
                        .given("problemType", "no-water", "neighboursAffected", false)
                        .then(routed("water", "emergency")),
                expect("Rule_LossOfServiceOrFloodingIsEmergency")
                        .given("problemType", "watermain-break")
                        .then(routed("water", "emergency")),
                expect("Rule_LossOfServiceOrFloodingIsEmergency")
                        .given("problemType", "sewer-backup")
                        .then(routed("water", "emergency")),
                expect("Rule_LossOfServiceOrFloodingIsEmergency")
                        .given("problemType", "flooding")
                        .then(routed("water", "emergency")),
                expect("Rule_MeterOrBillingIsLow")
                        .given("problemType", "water-meter")
                        .then(routed("water", "low")),
                expect("Rule_OtherWaterProblemsAreNormal")
                        .given("problemType", "low-pressure", "neighboursAffected", true)
                        .then(routed("water", "normal")),
                expect("Rule_OtherWaterProblemsAreNormal")
                        .given("problemType", "discoloured-water")
                        .then(routed("water", "normal")),
                expect("Rule_OtherWaterProblemsAreNormal")
                        .given("problemType", "sewer-odour")
                        .then(routed("water", "normal")),
                expect("Rule_OtherWaterProblemsAreNormal")
                        .given("problemType", null)
                        .then(routed("water", "normal")),
                expect("Rule_OtherWaterProblemsAreNormal")
                        .given()
                        .then(routed("water", "normal")));
    }
}
