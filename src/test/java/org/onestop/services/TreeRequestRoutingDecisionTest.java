package org.onestop.services;

import static org.onestop.services.RoutingOutputs.routed;
import static org.onestop.testing.DecisionTableUnderTest.expect;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.onestop.testing.DecisionTableUnderTest;

/**
 * dmn/routing-tree.dmn: one case per rule (named by the rule id it must hit, with the routing it must give),
 * unanswered questions included, and a check that every rule has a case.
 */
class TreeRequestRoutingDecisionTest {

    @TestFactory
    Stream<DynamicTest> treeRequestRouting() {
        return DecisionTableUnderTest.load("dmn/routing-tree.dmn", "TreeRequestRouting").check(
                expect("Rule_BlockingRoadOrSidewalkIsUrgent")
                        .given("blocking", true, "requestType", "fallen-tree", "treeLocation", "boulevard")
                        .then(routed("forestry", "urgent")),
                expect("Rule_BlockingRoadOrSidewalkIsUrgent")
                        .given("blocking", true, "requestType", "hanging-limb", "treeLocation", "private-property")
                        .then(routed("forestry", "urgent")),
                expect("Rule_FallenTreeOrHangingLimbIsHigh")
                        .given("blocking", false, "requestType", "fallen-tree", "treeLocation", "park")
                        .then(routed("forestry", "high")),
                expect("Rule_FallenTreeOrHangingLimbIsHigh")
                        .given("blocking", false, "requestType", "hanging-limb", "treeLocation", "private-property")
                        .then(routed("forestry", "high")),
                expect("Rule_PrivateTreeIsLow")
                        .given("blocking", false, "requestType", "dead-or-diseased", "treeLocation", "private-property")
                        .then(routed("forestry", "low")),
                expect("Rule_OtherTreeRequestsAreNormal")
                        .given("blocking", false, "requestType", "pruning", "treeLocation", "boulevard")
                        .then(routed("forestry", "normal")),
                expect("Rule_OtherTreeRequestsAreNormal")
                        .given("blocking", false, "requestType", "stump", "treeLocation", "not-sure")
                        .then(routed("forestry", "normal")),
                expect("Rule_OtherTreeRequestsAreNormal")
                        .given("blocking", null, "requestType", null, "treeLocation", null)
                        .then(routed("forestry", "normal")),
                expect("Rule_OtherTreeRequestsAreNormal")
                        .given()
                        .then(routed("forestry", "normal")));
    }
}
