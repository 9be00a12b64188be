package org.onestop.services;

import static org.onestop.services.RoutingOutputs.routed;
import static org.onestop.testing.DecisionTableUnderTest.expect;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.onestop.testing.DecisionTableUnderTest;

/**
 * dmn/routing-streetlight-out.dmn: one case per rule (named by the rule id it must hit, with the routing it must give),
 * unanswered questions included, and a check that every rule has a case.
 */
class StreetlightOutRoutingDecisionTest {

    @TestFactory
    Stream<DynamicTest> streetlightOutRouting() {
        return DecisionTableUnderTest.load("dmn/routing-streetlight-out.dmn", "StreetlightOutRouting").check(
                expect("Rule_DamagedPoleIsUrgent")
                        .given("lightProblem", "damaged", "lightsOut", "one")
                        .then(routed("transportation", "urgent")),
                expect("Rule_DamagedPoleIsUrgent")
                        .given("lightProblem", "damaged", "lightsOut", "whole-street")
                        .then(routed("transportation", "urgent")),
                expect("Rule_DayBurnerIsLow")
                        .given("lightProblem", "day-burner", "lightsOut", "one")
                        .then(routed("transportation", "low")),
                expect("Rule_DayBurnerIsLow")
                        .given("lightProblem", "day-burner", "lightsOut", "several")
                        .then(routed("transportation", "low")),
                expect("Rule_SeveralLightsOutIsHigh")
                        .given("lightProblem", "out", "lightsOut", "several")
                        .then(routed("transportation", "high")),
                expect("Rule_SeveralLightsOutIsHigh")
                        .given("lightProblem", "flickering", "lightsOut", "whole-street")
                        .then(routed("transportation", "high")),
                expect("Rule_SeveralLightsOutIsHigh")
                        .given("lightProblem", null, "lightsOut", "whole-street")
                        .then(routed("transportation", "high")),
                expect("Rule_OtherStreetlightsAreNormal")
                        .given("lightProblem", "out", "lightsOut", "one")
                        .then(routed("transportation", "normal")),
                expect("Rule_OtherStreetlightsAreNormal")
                        .given("lightProblem", "flickering", "lightsOut", null)
                        .then(routed("transportation", "normal")),
                expect("Rule_OtherStreetlightsAreNormal")
                        .given()
                        .then(routed("transportation", "normal")));
    }
}
