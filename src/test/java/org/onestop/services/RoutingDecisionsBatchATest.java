package org.onestop.services;

import static org.onestop.testing.DecisionTableUnderTest.expect;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.onestop.testing.DecisionTableUnderTest;
import org.onestop.testing.DecisionTableUnderTest.RuleCase;

/**
 * The routing tables of sidewalk damage, streetlight out, traffic signal, graffiti, illegal dumping and snow and ice:
 * one case per rule (named by the rule id it must hit, with the outputs it must give), unanswered questions
 * included, and a check that every rule has a case.
 */
class RoutingDecisionsBatchATest {

    // ------------------------------------------------------------------ SidewalkDamageRouting

    static final DecisionTableUnderTest SIDEWALK_DAMAGE_ROUTING =
            DecisionTableUnderTest.load("dmn/routing-sidewalk-damage.dmn", "SidewalkDamageRouting");

    static final List<RuleCase> SIDEWALK_DAMAGE_CASES = List.of(
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

    static List<RuleCase> sidewalkDamageCases() {
        return SIDEWALK_DAMAGE_CASES;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sidewalkDamageCases")
    void sidewalkDamageRouting(RuleCase ruleCase) {
        SIDEWALK_DAMAGE_ROUTING.assertCase(ruleCase);
    }

    @Test
    void everySidewalkDamageRoutingRuleHasACase() {
        SIDEWALK_DAMAGE_ROUTING.assertEveryRuleIsExercisedBy(SIDEWALK_DAMAGE_CASES);
    }

    // ------------------------------------------------------------------ StreetlightOutRouting

    static final DecisionTableUnderTest STREETLIGHT_OUT_ROUTING =
            DecisionTableUnderTest.load("dmn/routing-streetlight-out.dmn", "StreetlightOutRouting");

    static final List<RuleCase> STREETLIGHT_OUT_CASES = List.of(
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

    static List<RuleCase> streetlightOutCases() {
        return STREETLIGHT_OUT_CASES;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("streetlightOutCases")
    void streetlightOutRouting(RuleCase ruleCase) {
        STREETLIGHT_OUT_ROUTING.assertCase(ruleCase);
    }

    @Test
    void everyStreetlightOutRoutingRuleHasACase() {
        STREETLIGHT_OUT_ROUTING.assertEveryRuleIsExercisedBy(STREETLIGHT_OUT_CASES);
    }

    // ------------------------------------------------------------------ TrafficSignalRouting

    static final DecisionTableUnderTest TRAFFIC_SIGNAL_ROUTING =
            DecisionTableUnderTest.load("dmn/routing-traffic-signal.dmn", "TrafficSignalRouting");

    static final List<RuleCase> TRAFFIC_SIGNAL_CASES = List.of(
            expect("Rule_AllWayDarkOrFlashingIsEmergency")
                    .given("signalProblem", "dark", "allDirections", true)
                    .then(routed("transportation", "emergency")),
            expect("Rule_AllWayDarkOrFlashingIsEmergency")
                    .given("signalProblem", "flashing", "allDirections", true)
                    .then(routed("transportation", "emergency")),
            expect("Rule_DarkOrFlashingIsUrgent")
                    .given("signalProblem", "dark", "allDirections", false)
                    .then(routed("transportation", "urgent")),
            expect("Rule_DarkOrFlashingIsUrgent")
                    .given("signalProblem", "flashing", "allDirections", null)
                    .then(routed("transportation", "urgent")),
            expect("Rule_DamagedSignalIsUrgent")
                    .given("signalProblem", "damaged", "allDirections", true)
                    .then(routed("transportation", "urgent")),
            expect("Rule_StuckSignalIsHigh")
                    .given("signalProblem", "stuck", "allDirections", false)
                    .then(routed("transportation", "high")),
            expect("Rule_OtherSignalProblemsAreNormal")
                    .given("signalProblem", "lamp-out", "allDirections", true)
                    .then(routed("transportation", "normal")),
            expect("Rule_OtherSignalProblemsAreNormal")
                    .given("signalProblem", "pedestrian", "allDirections", false)
                    .then(routed("transportation", "normal")),
            expect("Rule_OtherSignalProblemsAreNormal")
                    .given("signalProblem", null, "allDirections", true)
                    .then(routed("transportation", "normal")),
            expect("Rule_OtherSignalProblemsAreNormal")
                    .given()
                    .then(routed("transportation", "normal")));

    static List<RuleCase> trafficSignalCases() {
        return TRAFFIC_SIGNAL_CASES;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("trafficSignalCases")
    void trafficSignalRouting(RuleCase ruleCase) {
        TRAFFIC_SIGNAL_ROUTING.assertCase(ruleCase);
    }

    @Test
    void everyTrafficSignalRoutingRuleHasACase() {
        TRAFFIC_SIGNAL_ROUTING.assertEveryRuleIsExercisedBy(TRAFFIC_SIGNAL_CASES);
    }

    // ------------------------------------------------------------------ GraffitiRouting

    static final DecisionTableUnderTest GRAFFITI_ROUTING =
            DecisionTableUnderTest.load("dmn/routing-graffiti.dmn", "GraffitiRouting");

    static final List<RuleCase> GRAFFITI_CASES = List.of(
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

    static List<RuleCase> graffitiCases() {
        return GRAFFITI_CASES;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("graffitiCases")
    void graffitiRouting(RuleCase ruleCase) {
        GRAFFITI_ROUTING.assertCase(ruleCase);
    }

    @Test
    void everyGraffitiRoutingRuleHasACase() {
        GRAFFITI_ROUTING.assertEveryRuleIsExercisedBy(GRAFFITI_CASES);
    }

    // ------------------------------------------------------------------ IllegalDumpingRouting

    static final DecisionTableUnderTest ILLEGAL_DUMPING_ROUTING =
            DecisionTableUnderTest.load("dmn/routing-illegal-dumping.dmn", "IllegalDumpingRouting");

    static final List<RuleCase> ILLEGAL_DUMPING_CASES = List.of(
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

    static List<RuleCase> illegalDumpingCases() {
        return ILLEGAL_DUMPING_CASES;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("illegalDumpingCases")
    void illegalDumpingRouting(RuleCase ruleCase) {
        ILLEGAL_DUMPING_ROUTING.assertCase(ruleCase);
    }

    @Test
    void everyIllegalDumpingRoutingRuleHasACase() {
        ILLEGAL_DUMPING_ROUTING.assertEveryRuleIsExercisedBy(ILLEGAL_DUMPING_CASES);
    }

    // ------------------------------------------------------------------ SnowIceRouting

    static final DecisionTableUnderTest SNOW_ICE_ROUTING =
            DecisionTableUnderTest.load("dmn/routing-snow-ice.dmn", "SnowIceRouting");

    static final List<RuleCase> SNOW_ICE_CASES = List.of(
            expect("Rule_IcySidewalkOrBusStopIsHigh")
                    .given("snowProblem", "icy-sidewalk", "stormEnded", null)
                    .then(routed("roads", "high")),
            expect("Rule_IcySidewalkOrBusStopIsHigh")
                    .given("snowProblem", "bus-stop", "stormEnded", "still-snowing")
                    .then(routed("roads", "high")),
            expect("Rule_BlockedSightlineIsHigh")
                    .given("snowProblem", "snowbank", "stormEnded", "under-24-hours")
                    .then(routed("roads", "high")),
            expect("Rule_RoadNotPlowedLongAfterStormIsNormal")
                    .given("snowProblem", "road-not-plowed", "stormEnded", "over-24-hours")
                    .then(routed("roads", "normal")),
            expect("Rule_RoadNotPlowedDuringStormIsLow")
                    .given("snowProblem", "road-not-plowed", "stormEnded", "still-snowing")
                    .then(routed("roads", "low")),
            expect("Rule_RoadNotPlowedDuringStormIsLow")
                    .given("snowProblem", "road-not-plowed", "stormEnded", "under-24-hours")
                    .then(routed("roads", "low")),
            expect("Rule_RoadNotPlowedDuringStormIsLow")
                    .given("snowProblem", "road-not-plowed", "stormEnded", null)
                    .then(routed("roads", "low")),
            expect("Rule_DrivewayWindrowIsLow")
                    .given("snowProblem", "windrow", "stormEnded", "over-24-hours")
                    .then(routed("roads", "low")),
            expect("Rule_OtherSnowAndIceIsNormal")
                    .given("snowProblem", null, "stormEnded", "over-24-hours")
                    .then(routed("roads", "normal")),
            expect("Rule_OtherSnowAndIceIsNormal")
                    .given()
                    .then(routed("roads", "normal")));

    static List<RuleCase> snowIceCases() {
        return SNOW_ICE_CASES;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("snowIceCases")
    void snowIceRouting(RuleCase ruleCase) {
        SNOW_ICE_ROUTING.assertCase(ruleCase);
    }

    @Test
    void everySnowIceRoutingRuleHasACase() {
        SNOW_ICE_ROUTING.assertEveryRuleIsExercisedBy(SNOW_ICE_CASES);
    }

    private static Object[] routed(String departmentGroup, String priority) {
        return new Object[] {"departmentGroup", departmentGroup, "priority", priority};
    }
}
