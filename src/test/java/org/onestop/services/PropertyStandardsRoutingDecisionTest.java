package org.onestop.services;

import static org.onestop.services.RoutingOutputs.routed;
import static org.onestop.testing.DecisionTableUnderTest.expect;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.onestop.testing.DecisionTableUnderTest;

/**
 * dmn/routing-property-standards.dmn: one case per rule (named by the rule id it must hit, with the routing it must give),
 * unanswered questions included, and a check that every rule has a case.
 */
class PropertyStandardsRoutingDecisionTest {

    @TestFactory
    Stream<DynamicTest> propertyStandardsRouting() {
        return DecisionTableUnderTest.load("dmn/routing-property-standards.dmn", "PropertyStandardsRouting").check(
                expect("Rule_LossOfVitalServicesIsUrgent")
                        .given("issueType", "vital-services", "complainantIsTenant", true, "ownerTold", true)
                        .then(routed("bylaw", "urgent")),
                expect("Rule_UnsecuredBuildingIsHigh")
                        .given("issueType", "unsecured-building", "complainantIsTenant", false, "ownerTold", false)
                        .then(routed("bylaw", "high")),
                expect("Rule_LongGrassIsLow")
                        .given("issueType", "long-grass", "complainantIsTenant", false, "ownerTold", false)
                        .then(routed("bylaw", "low")),
                expect("Rule_OtherPropertyStandardsComplaintsAreNormal")
                        .given("issueType", "garbage-debris")
                        .then(routed("bylaw", "normal")),
                expect("Rule_OtherPropertyStandardsComplaintsAreNormal")
                        .given("issueType", "building-repair")
                        .then(routed("bylaw", "normal")),
                expect("Rule_OtherPropertyStandardsComplaintsAreNormal")
                        .given("issueType", "rental-repairs", "complainantIsTenant", true)
                        .then(routed("bylaw", "normal")),
                expect("Rule_OtherPropertyStandardsComplaintsAreNormal")
                        .given("issueType", null)
                        .then(routed("bylaw", "normal")),
                expect("Rule_OtherPropertyStandardsComplaintsAreNormal")
                        .given()
                        .then(routed("bylaw", "normal")));
    }
}
