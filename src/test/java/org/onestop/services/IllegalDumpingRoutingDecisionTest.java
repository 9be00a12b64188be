package org.onestop.services;

import static org.onestop.services.RoutingOutputs.routed;
import static org.onestop.testing.DecisionTableUnderTest.expect;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.onestop.testing.DecisionTableUnderTest;

/**
 * dmn/routing-illegal-dumping.dmn: one case per rule (named by the rule id it must hit, with the routing it must give),
 * unanswered questions included, and a check that every rule has a case.
 */
class IllegalDumpingRoutingDecisionTest {

    @TestFactory
    Stream<DynamicTest> illegalDumpingRouting() {
        return DecisionTableUnderTest.load("dmn/routing-illegal-dumping.dmn", "IllegalDumpingRouting").check(
                expect("Rule_HazardousMaterialIsHigh")
                        .given("materialType", "needles", "dumpLocation", "park")
                        .then(routed("waste", "high")),
                expect("Rule_HazardousMaterialIsHigh")
                        .given("materialType", "chemicals", "dumpLocation", "private")
                        .then(routed("waste", "high")),
                expect("Rule_HazardousMaterialIsHigh")
                        .given("materialType", "tires", "dumpLocation", "road")
                        .then(routed("waste", "high")),
                expect("Rule_PrivatePropertyIsLow")
                        .given("materialType", "bulky", "dumpLocation", "private")
                        .then(routed("waste", "low")),
                expect("Rule_OtherDumpingIsNormal")
                        .given("materialType", "garbage", "dumpLocation", "road")
                        .then(routed("waste", "normal")),
                expect("Rule_OtherDumpingIsNormal")
                        .given("materialType", "construction", "dumpLocation", "lane")
                        .then(routed("waste", "normal")),
                expect("Rule_OtherDumpingIsNormal")
                        .given("materialType", null, "dumpLocation", null)
                        .then(routed("waste", "normal")),
                expect("Rule_OtherDumpingIsNormal")
                        .given()
                        .then(routed("waste", "normal")));
    }
}
