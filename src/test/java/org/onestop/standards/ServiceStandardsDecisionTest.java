package org.onestop.standards;

import static org.onestop.testing.DecisionTableUnderTest.expect;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.onestop.testing.DecisionTableUnderTest;
import org.onestop.testing.DecisionTableUnderTest.RuleCase;

/**
 * dmn/service-standards.dmn: one case per row (named by the rule id it must hit, with the standard it must give),
 * the catch-all for services and priorities without a row of their own, and a check that every row has a case.
 */
class ServiceStandardsDecisionTest {

    static final DecisionTableUnderTest SERVICE_STANDARDS =
            DecisionTableUnderTest.load("dmn/service-standards.dmn", "ServiceStandards");

    static final List<RuleCase> CASES = List.of(
            expect("Rule_PotholeUrgent").given("serviceCode", "pothole", "priority", "urgent")
                    .then(standard("PT2H", "P1D", "calendar")),
            expect("Rule_PotholeHigh").given("serviceCode", "pothole", "priority", "high")
                    .then(standard("P1D", "P4D", "business")),
            expect("Rule_PotholeNormal").given("serviceCode", "pothole", "priority", "normal")
                    .then(standard("P2D", "P10D", "business")),
            expect("Rule_MissedCollectionHigh").given("serviceCode", "missed-collection", "priority", "high")
                    .then(standard("P1D", "P2D", "business")),
            expect("Rule_MissedCollectionNormal").given("serviceCode", "missed-collection", "priority", "normal")
                    .then(standard("P1D", "P3D", "business")),
            expect("Rule_MissedCollectionLow").given("serviceCode", "missed-collection", "priority", "low")
                    .then(standard("P2D", "P5D", "business")),
            expect("Rule_NoiseComplaintHigh").given("serviceCode", "noise-complaint", "priority", "high")
                    .then(standard("PT2H", "PT12H", "calendar")),
            expect("Rule_NoiseComplaintNormal").given("serviceCode", "noise-complaint", "priority", "normal")
                    .then(standard("P2D", "P10D", "business")),
            expect("Rule_NoiseComplaintLow").given("serviceCode", "noise-complaint", "priority", "low")
                    .then(standard("P3D", "P15D", "business")),
            expect("Rule_DefaultStandard").given("serviceCode", "graffiti", "priority", "high")
                    .then(standard("P2D", "P10D", "business")),
            expect("Rule_DefaultStandard").given("serviceCode", "pothole", "priority", "low")
                    .then(standard("P2D", "P10D", "business")),
            expect("Rule_DefaultStandard").given("serviceCode", "noise-complaint", "priority", null)
                    .then(standard("P2D", "P10D", "business")),
            expect("Rule_DefaultStandard").given()
                    .then(standard("P2D", "P10D", "business")));

    static List<RuleCase> cases() {
        return CASES;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void serviceStandard(RuleCase ruleCase) {
        SERVICE_STANDARDS.assertCase(ruleCase);
    }

    @Test
    void everyServiceStandardRuleHasACase() {
        SERVICE_STANDARDS.assertEveryRuleIsExercisedBy(CASES);
    }

    private static Object[] standard(String acknowledgeWithin, String resolveWithin, String clock) {
        return new Object[] {"acknowledgeWithin", acknowledgeWithin, "resolveWithin", resolveWithin, "clock", clock};
    }
}
