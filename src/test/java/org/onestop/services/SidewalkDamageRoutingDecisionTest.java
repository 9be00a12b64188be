package org.onestop.services;

import static org.onestop.services.RoutingOutputs.routed;
import static org.onestop.testing.DecisionTableUnderTest.expect;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.onestop.testing.DecisionTableUnderTest;

/**
 * dmn/routing-sidewalk-damage.dmn: one case per rule (named by the rule id it must hit, with the routing it must give),
 * unanswered questions included, and a check that every rule has a case.
 */
class SidewalkDamageRoutingDecisionTest {

    @TestFactory
    Stream<DynamicTest> sidewalkDamageRouting() {
        return DecisionTableUnderTest.load("dmn/routing-sidewalk-damage.dmn", "SidewalkDamageRouting").check(
                expect("Rule_TripHazardNearVulnerableIsUrgent")
                        .given("tripHazard", true, "damageType", "raised", "nearBy", "school")
                        .then(routed("roads", "urgent")),
                expect("Rule_TripHazardNearVulnerableIsUrgent")
                        .given("tripHazard", true, "damageType", "hole", "nearBy", "seniors-residence")
                        .then(routed("roads", "urgent")),
                expect("Rule_TripHazardNearVulnerableIsUrgent")
                        .given("tripHazard", true, "damageType", "cracked", "nearBy", "hospital")
                        .then(routed("roads", "urgent")),
                expect("Rule_TripHazardIsHigh")
                        .given("tripHazard", true, "damageType", "cracked", "nearBy", "transit-stop")
                        .then(routed("roads", "high")),
                expect("Rule_TripHazardIsHigh")
                        .given("tripHazard", true, "damageType", "curb", "nearBy", null)
                        .then(routed("roads", "high")),
                expect("Rule_HoleIsHigh")
                        .given("tripHazard", false, "damageType", "hole", "nearBy", "school")
                        .then(routed("roads", "high")),
                expect("Rule_CurbDamageIsLow")
                        .given("tripHazard", false, "damageType", "curb", "nearBy", "none")
                        .then(routed("roads", "low")),
                expect("Rule_OtherSidewalkDamageIsNormal")
                        .given("tripHazard", false, "damageType", "raised", "nearBy", "school")
                        .then(routed("roads", "normal")),
                expect("Rule_OtherSidewalkDamageIsNormal")
                        .given("tripHazard", null, "damageType", null, "nearBy", null)
                        .then(routed("roads", "normal")),
                expect("Rule_OtherSidewalkDamageIsNormal")
                        .given()
                        .then(routed("roads", "normal")));
    }
}
