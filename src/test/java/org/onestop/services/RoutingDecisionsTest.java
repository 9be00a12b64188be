package org.onestop.services;

import static org.onestop.testing.DecisionTableUnderTest.expect;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.onestop.testing.DecisionTableUnderTest;
import org.onestop.testing.DecisionTableUnderTest.RuleCase;

/**
 * The routing tables in dmn/routing-*.dmn: one case per rule (named by the rule id it must hit, with the
 * outputs it must give), unanswered questions included, and a check that every rule has a case.
 */
class RoutingDecisionsTest {

    // ------------------------------------------------------------------ PotholeRouting

    static final DecisionTableUnderTest POTHOLE_ROUTING =
            DecisionTableUnderTest.load("dmn/routing-pothole.dmn", "PotholeRouting");

    static final List<RuleCase> POTHOLE_CASES = List.of(
            expect("Rule_HazardIsUrgent")
                    .given("hazard", true, "size", "small", "locationOnRoad", "shoulder")
                    .then(routed("roads", "urgent")),
            expect("Rule_HazardIsUrgent")
                    .given("hazard", true, "size", "large", "locationOnRoad", "crosswalk")
                    .then(routed("roads", "urgent")),
            expect("Rule_LargePotholeIsHigh")
                    .given("hazard", false, "size", "large", "locationOnRoad", "driving-lane")
                    .then(routed("roads", "high")),
            expect("Rule_VulnerableRoadUsersAreHigh")
                    .given("hazard", false, "size", "small", "locationOnRoad", "bike-lane")
                    .then(routed("roads", "high")),
            expect("Rule_VulnerableRoadUsersAreHigh")
                    .given("hazard", false, "size", "medium", "locationOnRoad", "intersection")
                    .then(routed("roads", "high")),
            expect("Rule_VulnerableRoadUsersAreHigh")
                    .given("hazard", false, "size", "small", "locationOnRoad", "crosswalk")
                    .then(routed("roads", "high")),
            expect("Rule_OtherPotholesAreNormal")
                    .given("hazard", false, "size", "medium", "locationOnRoad", "driving-lane")
                    .then(routed("roads", "normal")),
            expect("Rule_OtherPotholesAreNormal")
                    .given("hazard", null, "size", null, "locationOnRoad", null)
                    .then(routed("roads", "normal")),
            expect("Rule_OtherPotholesAreNormal")
                    .given()
                    .then(routed("roads", "normal")));

    static List<RuleCase> potholeCases() {
        return POTHOLE_CASES;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("potholeCases")
    void potholeRouting(RuleCase ruleCase) {
        POTHOLE_ROUTING.assertCase(ruleCase);
    }

    @Test
    void everyPotholeRoutingRuleHasACase() {
        POTHOLE_ROUTING.assertEveryRuleIsExercisedBy(POTHOLE_CASES);
    }

    // ------------------------------------------------------------------ MissedCollectionRouting

    static final DecisionTableUnderTest MISSED_COLLECTION_ROUTING =
            DecisionTableUnderTest.load("dmn/routing-missed-collection.dmn", "MissedCollectionRouting");

    static final List<RuleCase> MISSED_COLLECTION_CASES = List.of(
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

    static List<RuleCase> missedCollectionCases() {
        return MISSED_COLLECTION_CASES;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("missedCollectionCases")
    void missedCollectionRouting(RuleCase ruleCase) {
        MISSED_COLLECTION_ROUTING.assertCase(ruleCase);
    }

    @Test
    void everyMissedCollectionRoutingRuleHasACase() {
        MISSED_COLLECTION_ROUTING.assertEveryRuleIsExercisedBy(MISSED_COLLECTION_CASES);
    }

    // ------------------------------------------------------------------ NoiseComplaintRouting

    static final DecisionTableUnderTest NOISE_COMPLAINT_ROUTING =
            DecisionTableUnderTest.load("dmn/routing-noise-complaint.dmn", "NoiseComplaintRouting");

    static final List<RuleCase> NOISE_COMPLAINT_CASES = List.of(
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

    static List<RuleCase> noiseComplaintCases() {
        return NOISE_COMPLAINT_CASES;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("noiseComplaintCases")
    void noiseComplaintRouting(RuleCase ruleCase) {
        NOISE_COMPLAINT_ROUTING.assertCase(ruleCase);
    }

    @Test
    void everyNoiseComplaintRoutingRuleHasACase() {
        NOISE_COMPLAINT_ROUTING.assertEveryRuleIsExercisedBy(NOISE_COMPLAINT_CASES);
    }

    private static Object[] routed(String departmentGroup, String priority) {
        return new Object[] {"departmentGroup", departmentGroup, "priority", priority};
    }
}
