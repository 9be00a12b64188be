package org.onestop.services;

import static org.onestop.testing.DecisionTableUnderTest.expect;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.onestop.testing.DecisionTableUnderTest;
import org.onestop.testing.DecisionTableUnderTest.RuleCase;

/**
 * The routing tables of complaints, compliments and councillor inquiries: one case per rule (named by the rule id it
 * must hit, with the outputs it must give), unknown and unanswered questions included, and a check that every rule
 * has a case.
 */
class RoutingDecisionsBatchCTest {

    // ------------------------------------------------------------------ ComplaintRouting

    static final DecisionTableUnderTest COMPLAINT_ROUTING =
            DecisionTableUnderTest.load("dmn/routing-complaint.dmn", "ComplaintRouting");

    static final List<RuleCase> COMPLAINT_CASES = List.of(
            expect("Rule_ComplaintAboutRoads")
                    .given("aboutDepartment", "roads")
                    .then(routed("roads", "normal")),
            expect("Rule_ComplaintAboutWaste")
                    .given("aboutDepartment", "waste")
                    .then(routed("waste", "normal")),
            expect("Rule_ComplaintAboutBylaw")
                    .given("aboutDepartment", "bylaw")
                    .then(routed("bylaw", "normal")),
            expect("Rule_ComplaintAboutTransportation")
                    .given("aboutDepartment", "transportation")
                    .then(routed("transportation", "normal")),
            expect("Rule_ComplaintAboutForestry")
                    .given("aboutDepartment", "forestry")
                    .then(routed("forestry", "normal")),
            expect("Rule_ComplaintAboutAnimalServices")
                    .given("aboutDepartment", "animal-services")
                    .then(routed("animal-services", "normal")),
            expect("Rule_ComplaintAboutWater")
                    .given("aboutDepartment", "water")
                    .then(routed("water", "normal")),
            expect("Rule_ComplaintAboutCustomerService")
                    .given("aboutDepartment", "customer-service")
                    .then(routed("customer-service", "normal")),
            expect("Rule_OtherComplaintsGoToCustomerService")
                    .given("aboutDepartment", "other")
                    .then(routed("customer-service", "normal")),
            expect("Rule_OtherComplaintsGoToCustomerService")
                    .given("aboutDepartment", "parks-and-recreation")
                    .then(routed("customer-service", "normal")),
            expect("Rule_OtherComplaintsGoToCustomerService")
                    .given("aboutDepartment", null)
                    .then(routed("customer-service", "normal")),
            expect("Rule_OtherComplaintsGoToCustomerService")
                    .given()
                    .then(routed("customer-service", "normal")));

    static List<RuleCase> complaintCases() {
        return COMPLAINT_CASES;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("complaintCases")
    void complaintRouting(RuleCase ruleCase) {
        COMPLAINT_ROUTING.assertCase(ruleCase);
    }

    @Test
    void everyComplaintRoutingRuleHasACase() {
        COMPLAINT_ROUTING.assertEveryRuleIsExercisedBy(COMPLAINT_CASES);
    }

    // ------------------------------------------------------------------ ComplimentRouting

    static final DecisionTableUnderTest COMPLIMENT_ROUTING =
            DecisionTableUnderTest.load("dmn/routing-compliment.dmn", "ComplimentRouting");

    static final List<RuleCase> COMPLIMENT_CASES = List.of(
            expect("Rule_ComplimentForRoads")
                    .given("aboutDepartment", "roads")
                    .then(routed("roads", "low")),
            expect("Rule_ComplimentForWaste")
                    .given("aboutDepartment", "waste")
                    .then(routed("waste", "low")),
            expect("Rule_ComplimentForBylaw")
                    .given("aboutDepartment", "bylaw")
                    .then(routed("bylaw", "low")),
            expect("Rule_ComplimentForTransportation")
                    .given("aboutDepartment", "transportation")
                    .then(routed("transportation", "low")),
            expect("Rule_ComplimentForForestry")
                    .given("aboutDepartment", "forestry")
                    .then(routed("forestry", "low")),
            expect("Rule_ComplimentForAnimalServices")
                    .given("aboutDepartment", "animal-services")
                    .then(routed("animal-services", "low")),
            expect("Rule_ComplimentForWater")
                    .given("aboutDepartment", "water")
                    .then(routed("water", "low")),
            expect("Rule_ComplimentForCustomerService")
                    .given("aboutDepartment", "customer-service")
                    .then(routed("customer-service", "low")),
            expect("Rule_OtherComplimentsGoToCustomerService")
                    .given("aboutDepartment", "other")
                    .then(routed("customer-service", "low")),
            expect("Rule_OtherComplimentsGoToCustomerService")
                    .given("aboutDepartment", "parks-and-recreation")
                    .then(routed("customer-service", "low")),
            expect("Rule_OtherComplimentsGoToCustomerService")
                    .given("aboutDepartment", null)
                    .then(routed("customer-service", "low")),
            expect("Rule_OtherComplimentsGoToCustomerService")
                    .given()
                    .then(routed("customer-service", "low")));

    static List<RuleCase> complimentCases() {
        return COMPLIMENT_CASES;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("complimentCases")
    void complimentRouting(RuleCase ruleCase) {
        COMPLIMENT_ROUTING.assertCase(ruleCase);
    }

    @Test
    void everyComplimentRoutingRuleHasACase() {
        COMPLIMENT_ROUTING.assertEveryRuleIsExercisedBy(COMPLIMENT_CASES);
    }

    // ------------------------------------------------------------------ CouncillorInquiryRouting

    static final DecisionTableUnderTest COUNCILLOR_INQUIRY_ROUTING =
            DecisionTableUnderTest.load("dmn/routing-councillor-inquiry.dmn", "CouncillorInquiryRouting");

    static final List<RuleCase> COUNCILLOR_INQUIRY_CASES = List.of(
            expect("Rule_RoadsAndTrafficGoToTransportation")
                    .given("topic", "roads-traffic")
                    .then(routed("transportation", "high")),
            expect("Rule_RoadRepairGoesToRoads")
                    .given("topic", "road-repair")
                    .then(routed("roads", "high")),
            expect("Rule_GarbageGoesToWaste")
                    .given("topic", "garbage")
                    .then(routed("waste", "high")),
            expect("Rule_BylawGoesToBylaw")
                    .given("topic", "bylaw")
                    .then(routed("bylaw", "high")),
            expect("Rule_TreesAndParksGoToForestry")
                    .given("topic", "trees-parks")
                    .then(routed("forestry", "high")),
            expect("Rule_WaterGoesToWater")
                    .given("topic", "water")
                    .then(routed("water", "high")),
            expect("Rule_AnimalsGoToAnimalServices")
                    .given("topic", "animals")
                    .then(routed("animal-services", "high")),
            expect("Rule_OtherInquiriesGoToCustomerService")
                    .given("topic", "other")
                    .then(routed("customer-service", "high")),
            expect("Rule_OtherInquiriesGoToCustomerService")
                    .given("topic", "snow")
                    .then(routed("customer-service", "high")),
            expect("Rule_OtherInquiriesGoToCustomerService")
                    .given("topic", null)
                    .then(routed("customer-service", "high")),
            expect("Rule_OtherInquiriesGoToCustomerService")
                    .given()
                    .then(routed("customer-service", "high")));

    static List<RuleCase> councillorInquiryCases() {
        return COUNCILLOR_INQUIRY_CASES;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("councillorInquiryCases")
    void councillorInquiryRouting(RuleCase ruleCase) {
        COUNCILLOR_INQUIRY_ROUTING.assertCase(ruleCase);
    }

    @Test
    void everyCouncillorInquiryRoutingRuleHasACase() {
        COUNCILLOR_INQUIRY_ROUTING.assertEveryRuleIsExercisedBy(COUNCILLOR_INQUIRY_CASES);
    }

    private static Object[] routed(String departmentGroup, String priority) {
        return new Object[] {"departmentGroup", departmentGroup, "priority", priority};
    }
}
