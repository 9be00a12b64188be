package org.onestop.services;

import static org.onestop.testing.DecisionTableUnderTest.expect;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.onestop.testing.DecisionTableUnderTest;
import org.onestop.testing.DecisionTableUnderTest.RuleCase;

/**
 * The routing tables of the tree, animal, property standards, parking, water and sewer and general inquiry services
 * (dmn/routing-*.dmn): one case per rule (named by the rule id it must hit, with the outputs it must give),
 * unanswered questions included, and a check that every rule has a case.
 */
class RoutingDecisionsBatchBTest {

    // ------------------------------------------------------------------ TreeRequestRouting

    static final DecisionTableUnderTest TREE_ROUTING =
            DecisionTableUnderTest.load("dmn/routing-tree.dmn", "TreeRequestRouting");

    static final List<RuleCase> TREE_CASES = List.of(
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

    static List<RuleCase> treeCases() {
        return TREE_CASES;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("treeCases")
    void treeRouting(RuleCase ruleCase) {
        TREE_ROUTING.assertCase(ruleCase);
    }

    @Test
    void everyTreeRoutingRuleHasACase() {
        TREE_ROUTING.assertEveryRuleIsExercisedBy(TREE_CASES);
    }

    // ------------------------------------------------------------------ AnimalRouting

    static final DecisionTableUnderTest ANIMAL_ROUTING =
            DecisionTableUnderTest.load("dmn/routing-animal.dmn", "AnimalRouting");

    static final List<RuleCase> ANIMAL_CASES = List.of(
            expect("Rule_InjuredOrAggressiveAnimalIsUrgent")
                    .given("animalCondition", "injured", "animalType", "pet", "animalLocation", "private-property")
                    .then(routed("animal-services", "urgent")),
            expect("Rule_InjuredOrAggressiveAnimalIsUrgent")
                    .given("animalCondition", "aggressive", "animalType", "wildlife", "animalLocation", "road")
                    .then(routed("animal-services", "urgent")),
            expect("Rule_DeadAnimalOnRoadIsHigh")
                    .given("animalCondition", "dead", "animalType", "wildlife", "animalLocation", "road")
                    .then(routed("animal-services", "high")),
            expect("Rule_OtherAnimalReportsAreNormal")
                    .given("animalCondition", "dead", "animalType", "pet", "animalLocation", "private-property")
                    .then(routed("animal-services", "normal")),
            expect("Rule_OtherAnimalReportsAreNormal")
                    .given("animalCondition", "dead", "animalType", "not-sure", "animalLocation", "public-space")
                    .then(routed("animal-services", "normal")),
            expect("Rule_OtherAnimalReportsAreNormal")
                    .given("animalCondition", null, "animalType", null, "animalLocation", null)
                    .then(routed("animal-services", "normal")),
            expect("Rule_OtherAnimalReportsAreNormal")
                    .given()
                    .then(routed("animal-services", "normal")));

    static List<RuleCase> animalCases() {
        return ANIMAL_CASES;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("animalCases")
    void animalRouting(RuleCase ruleCase) {
        ANIMAL_ROUTING.assertCase(ruleCase);
    }

    @Test
    void everyAnimalRoutingRuleHasACase() {
        ANIMAL_ROUTING.assertEveryRuleIsExercisedBy(ANIMAL_CASES);
    }

    // ------------------------------------------------------------------ PropertyStandardsRouting

    static final DecisionTableUnderTest PROPERTY_STANDARDS_ROUTING =
            DecisionTableUnderTest.load("dmn/routing-property-standards.dmn", "PropertyStandardsRouting");

    static final List<RuleCase> PROPERTY_STANDARDS_CASES = List.of(
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

    static List<RuleCase> propertyStandardsCases() {
        return PROPERTY_STANDARDS_CASES;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("propertyStandardsCases")
    void propertyStandardsRouting(RuleCase ruleCase) {
        PROPERTY_STANDARDS_ROUTING.assertCase(ruleCase);
    }

    @Test
    void everyPropertyStandardsRoutingRuleHasACase() {
        PROPERTY_STANDARDS_ROUTING.assertEveryRuleIsExercisedBy(PROPERTY_STANDARDS_CASES);
    }

    // ------------------------------------------------------------------ ParkingRouting

    static final DecisionTableUnderTest PARKING_ROUTING =
            DecisionTableUnderTest.load("dmn/routing-parking.dmn", "ParkingRouting");

    static final List<RuleCase> PARKING_CASES = List.of(
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

    static List<RuleCase> parkingCases() {
        return PARKING_CASES;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("parkingCases")
    void parkingRouting(RuleCase ruleCase) {
        PARKING_ROUTING.assertCase(ruleCase);
    }

    @Test
    void everyParkingRoutingRuleHasACase() {
        PARKING_ROUTING.assertEveryRuleIsExercisedBy(PARKING_CASES);
    }

    // ------------------------------------------------------------------ WaterSewerRouting

    static final DecisionTableUnderTest WATER_SEWER_ROUTING =
            DecisionTableUnderTest.load("dmn/routing-water-sewer.dmn", "WaterSewerRouting");

    static final List<RuleCase> WATER_SEWER_CASES = List.of(
            expect("Rule_LossOfServiceOrFloodingIsEmergency")
                    .given("problemType", "no-water", "neighboursAffected", false)
                    .then(routed("water", "emergency")),
            expect("Rule_LossOfServiceOrFloodingIsEmergency")
                    .given("problemType", "watermain-break")
                    .then(routed("water", "emergency")),
            expect("Rule_LossOfServiceOrFloodingIsEmergency")
                    .given("problemType", "sewer-backup")
                    .then(routed("water", "emergency")),
            expect("Rule_LossOfServiceOrFloodingIsEmergency")
                    .given("problemType", "flooding")
                    .then(routed("water", "emergency")),
            expect("Rule_MeterOrBillingIsLow")
                    .given("problemType", "water-meter")
                    .then(routed("water", "low")),
            expect("Rule_OtherWaterProblemsAreNormal")
                    .given("problemType", "low-pressure", "neighboursAffected", true)
                    .then(routed("water", "normal")),
            expect("Rule_OtherWaterProblemsAreNormal")
                    .given("problemType", "discoloured-water")
                    .then(routed("water", "normal")),
            expect("Rule_OtherWaterProblemsAreNormal")
                    .given("problemType", "sewer-odour")
                    .then(routed("water", "normal")),
            expect("Rule_OtherWaterProblemsAreNormal")
                    .given("problemType", null)
                    .then(routed("water", "normal")),
            expect("Rule_OtherWaterProblemsAreNormal")
                    .given()
                    .then(routed("water", "normal")));

    static List<RuleCase> waterSewerCases() {
        return WATER_SEWER_CASES;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("waterSewerCases")
    void waterSewerRouting(RuleCase ruleCase) {
        WATER_SEWER_ROUTING.assertCase(ruleCase);
    }

    @Test
    void everyWaterSewerRoutingRuleHasACase() {
        WATER_SEWER_ROUTING.assertEveryRuleIsExercisedBy(WATER_SEWER_CASES);
    }

    // ------------------------------------------------------------------ GeneralInquiryRouting

    static final DecisionTableUnderTest GENERAL_INQUIRY_ROUTING =
            DecisionTableUnderTest.load("dmn/routing-general-inquiry.dmn", "GeneralInquiryRouting");

    static final List<RuleCase> GENERAL_INQUIRY_CASES = List.of(
            expect("Rule_TaxAndPermitQuestionsAreNormal")
                    .given("topic", "taxes-and-bills", "question", "When is my tax bill due?")
                    .then(routed("customer-service", "normal")),
            expect("Rule_TaxAndPermitQuestionsAreNormal")
                    .given("topic", "permits-and-licences")
                    .then(routed("customer-service", "normal")),
            expect("Rule_OtherQuestionsAreLow")
                    .given("topic", "city-services")
                    .then(routed("customer-service", "low")),
            expect("Rule_OtherQuestionsAreLow")
                    .given("topic", "roads-and-transit")
                    .then(routed("customer-service", "low")),
            expect("Rule_OtherQuestionsAreLow")
                    .given("topic", "other")
                    .then(routed("customer-service", "low")),
            expect("Rule_OtherQuestionsAreLow")
                    .given("topic", null)
                    .then(routed("customer-service", "low")),
            expect("Rule_OtherQuestionsAreLow")
                    .given()
                    .then(routed("customer-service", "low")));

    static List<RuleCase> generalInquiryCases() {
        return GENERAL_INQUIRY_CASES;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("generalInquiryCases")
    void generalInquiryRouting(RuleCase ruleCase) {
        GENERAL_INQUIRY_ROUTING.assertCase(ruleCase);
    }

    @Test
    void everyGeneralInquiryRoutingRuleHasACase() {
        GENERAL_INQUIRY_ROUTING.assertEveryRuleIsExercisedBy(GENERAL_INQUIRY_CASES);
    }

    private static Object[] routed(String departmentGroup, String priority) {
        return new Object[] {"departmentGroup", departmentGroup, "priority", priority};
    }
}
