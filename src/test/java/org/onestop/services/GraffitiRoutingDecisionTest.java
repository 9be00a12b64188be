package org.onestop.services;

import static org.onestop.services.RoutingOutputs.routed;
import static org.onestop.testing.DecisionTableUnderTest.expect;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.onestop.testing.DecisionTableUnderTest;

/**
 * dmn/routing-graffiti.dmn: one case per rule (named by the rule id it must hit, with the routing it must give),
 * unanswered questions included, and a check that every rule has a case.
 */
class GraffitiRoutingDecisionTest {

    @TestFactory
    Stream<DynamicTest> graffitiRouting() {
        return DecisionTableUnderTest.load("dmn/routing-graffiti.dmn", "GraffitiRouting").check(
                expect("Rule_OffensiveOnCityPropertyIsUrgent")
                        .given("offensive", true, "propertyType", "city")
                        .then(routed("roads", "urgent")),
                expect("Rule_CityPropertyIsNormal")
                        .given("offensive", false, "propertyType", "city")
                        .then(routed("roads", "normal")),
                expect("Rule_CityPropertyIsNormal")
                        .given("offensive", null, "propertyType", "city")
                        .then(routed("roads", "normal")),
                expect("Rule_OffensiveElsewhereIsUrgent")
                        .given("offensive", true, "propertyType", "private")
                        .then(routed("bylaw", "urgent")),
                expect("Rule_OffensiveElsewhereIsUrgent")
                        .given("offensive", true, "propertyType", "utility")
                        .then(routed("bylaw", "urgent")),
                expect("Rule_OffensiveElsewhereIsUrgent")
                        .given("offensive", true, "propertyType", null)
                        .then(routed("bylaw", "urgent")),
                expect("Rule_OtherGraffitiIsNormal")
                        .given("offensive", false, "propertyType", "private")
                        .then(routed("bylaw", "normal")),
                expect("Rule_OtherGraffitiIsNormal")
                        .given("offensive", false, "propertyType", "unsure")
                        .then(routed("bylaw", "normal")),
                expect("Rule_OtherGraffitiIsNormal")
                        .given()
                        .then(routed("bylaw", "normal")));
    }
}
