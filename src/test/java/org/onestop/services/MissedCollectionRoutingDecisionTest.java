package org.onestop.services;

import static org.onestop.services.RoutingOutputs.routed;
import static org.onestop.testing.DecisionTableUnderTest.expect;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.onestop.testing.DecisionTableUnderTest;

/**
 * dmn/routing-missed-collection.dmn: one case per rule (named by the rule id it must hit, with the routing it must give),
 * unanswered questions included, and a check that every rule has a case.
 */
class MissedCollectionRoutingDecisionTest {

    @TestFactory
    Stream<DynamicTest> missedCollectionRouting() {
        return DecisionTableUnderTest.load("dmn/routing-missed-collection.dmn", "MissedCollectionRouting").check(
                expect("Rule_OrganicsAreHigh")
                        .given("stream", "organics")
                        .then(routed("waste", "high")),
                expect("Rule_BulkyItemsAreLow")
                        .given("stream", "bulky-item")
                        .then(routed("waste", "low")),
                expect("Rule_OtherStreamsAreNormal")
                        .given("stream", "garbage")
                        .then(routed("waste", "normal")),
                expect("Rule_OtherStreamsAreNormal")
                        .given("stream", "recycling")
                        .then(routed("waste", "normal")),
                expect("Rule_OtherStreamsAreNormal")
                        .given("stream", "yard-waste")
                        .then(routed("waste", "normal")),
                expect("Rule_OtherStreamsAreNormal")
                        .given()
                        .then(routed("waste", "normal")));
    }
}
