package org.onestop.services;

import static org.onestop.services.RoutingOutputs.routed;
import static org.onestop.testing.DecisionTableUnderTest.expect;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.onestop.testing.DecisionTableUnderTest;

/**
 * dmn/routing-parking.dmn: one case per rule (named by the rule id it must hit, with the routing it must give),
 * unanswered questions included, and a check that every rule has a case.
 */
class ParkingRoutingDecisionTest {

    @TestFactory
    Stream<DynamicTest> parkingRouting() {
        return DecisionTableUnderTest.load("dmn/routing-parking.dmn", "ParkingRouting").check(
                expect("Rule_BlockedAccessIsHigh")
                        .given("parkingIssue", "blocking-driveway", "vehicleThereNow", true)
                        .then(routed("bylaw", "high")),
                expect("Rule_BlockedAccessIsHigh")
                        .given("parkingIssue", "fire-route")
                        .then(routed("bylaw", "high")),
                expect("Rule_BlockedAccessIsHigh")
                        .given("parkingIssue", "accessible-space")
                        .then(routed("bylaw", "high")),
                expect("Rule_AbandonedVehicleIsLow")
                        .given("parkingIssue", "abandoned-vehicle")
                        .then(routed("bylaw", "low")),
                expect("Rule_OtherParkingComplaintsAreNormal")
                        .given("parkingIssue", "overtime")
                        .then(routed("bylaw", "normal")),
                expect("Rule_OtherParkingComplaintsAreNormal")
                        .given("parkingIssue", "no-parking-zone")
                        .then(routed("bylaw", "normal")),
                expect("Rule_OtherParkingComplaintsAreNormal")
                        .given("parkingIssue", null)
                        .then(routed("bylaw", "normal")),
                expect("Rule_OtherParkingComplaintsAreNormal")
                        .given()
                        .then(routed("bylaw", "normal")));
    }
}
