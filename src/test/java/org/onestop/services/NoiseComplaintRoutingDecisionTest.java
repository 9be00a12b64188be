package org.onestop.services;

import static org.onestop.services.RoutingOutputs.routed;
import static org.onestop.testing.DecisionTableUnderTest.expect;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.onestop.testing.DecisionTableUnderTest;

/**
 * dmn/routing-noise-complaint.dmn: one case per rule (named by the rule id it must hit, with the routing it must give),
 * unanswered questions included, and a check that every rule has a case.
 */
class NoiseComplaintRoutingDecisionTest {

    @TestFactory
    Stream<DynamicTest> noiseComplaintRouting() {
        return DecisionTableUnderTest.load("dmn/routing-noise-complaint.dmn", "NoiseComplaintRouting").check(
                expect("Rule_OngoingAmplifiedMusicIsHigh")
                        .given("ongoing", true, "noiseSource", "amplified-music", "recurring", false)
                        .then(routed("bylaw", "high")),
                expect("Rule_ConstructionIsNormal")
                        .given("ongoing", true, "noiseSource", "construction")
                        .then(routed("bylaw", "normal")),
                expect("Rule_BarkingDogIsLow")
                        .given("ongoing", true, "noiseSource", "barking-dog")
                        .then(routed("bylaw", "low")),
                expect("Rule_OtherNoiseIsNormal")
                        .given("ongoing", false, "noiseSource", "amplified-music")
                        .then(routed("bylaw", "normal")),
                expect("Rule_OtherNoiseIsNormal")
                        .given("ongoing", null, "noiseSource", "amplified-music")
                        .then(routed("bylaw", "normal")),
                expect("Rule_OtherNoiseIsNormal")
                        .given("ongoing", true, "noiseSource", "vehicle")
                        .then(routed("bylaw", "normal")),
                expect("Rule_OtherNoiseIsNormal")
                        .given()
                        .then(routed("bylaw", "normal")));
    }
}
