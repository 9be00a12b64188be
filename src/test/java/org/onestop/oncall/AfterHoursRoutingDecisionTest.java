package org.onestop.oncall;

import static org.onestop.testing.DecisionTableUnderTest.expect;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.onestop.testing.DecisionTableUnderTest;
import org.onestop.testing.DecisionTableUnderTest.RuleCase;

/** dmn/after-hours.dmn: one case per rule, and every rule has a case. */
class AfterHoursRoutingDecisionTest {

    static final DecisionTableUnderTest AFTER_HOURS = DecisionTableUnderTest.load("dmn/after-hours.dmn", "AfterHoursRouting");

    static final List<RuleCase> CASES = List.of(
            expect("Rule_OfficeHoursGoToTheDepartment").given("officeOpen", true, "priority", "emergency").then("routeToOnCall", false),
            expect("Rule_EmergenciesAfterHoursGoOnCall").given("officeOpen", false, "priority", "emergency").then("routeToOnCall", true),
            expect("Rule_EmergenciesAfterHoursGoOnCall").given("officeOpen", false, "priority", "urgent").then("routeToOnCall", true),
            expect("Rule_EverythingElseWaitsForTheMorning").given("officeOpen", false, "priority", "normal").then("routeToOnCall", false));

    static List<RuleCase> cases() {
        return CASES;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void afterHoursRouting(RuleCase ruleCase) {
        AFTER_HOURS.assertCase(ruleCase);
    }

    @Test
    void everyRuleHasACase() {
        AFTER_HOURS.assertEveryRuleIsExercisedBy(CASES);
    }
}
