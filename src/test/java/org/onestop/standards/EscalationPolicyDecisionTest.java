package org.onestop.standards;

import static org.onestop.testing.DecisionTableUnderTest.expect;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.onestop.testing.DecisionTableUnderTest;
import org.onestop.testing.DecisionTableUnderTest.RuleCase;

/** dmn/escalation-policy.dmn: one case per rule, and every rule has a case. */
class EscalationPolicyDecisionTest {

    static final DecisionTableUnderTest POLICY = DecisionTableUnderTest.load("dmn/escalation-policy.dmn", "EscalationPolicy");

    static final List<RuleCase> CASES = List.of(
            expect("Rule_Emergency").given("priority", "emergency").then("remindBefore", "PT30M", "secondEscalationAfter", "PT4H"),
            expect("Rule_Urgent").given("priority", "urgent").then("remindBefore", "PT2H", "secondEscalationAfter", "P1D"),
            expect("Rule_High").given("priority", "high").then("remindBefore", "PT4H", "secondEscalationAfter", "P2D"),
            expect("Rule_Default").given("priority", "normal").then("remindBefore", "P1D", "secondEscalationAfter", "P5D"),
            expect("Rule_Default").given("priority", null).then("remindBefore", "P1D", "secondEscalationAfter", "P5D"));

    static List<RuleCase> cases() {
        return CASES;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void escalationPolicy(RuleCase ruleCase) {
        POLICY.assertCase(ruleCase);
    }

    @Test
    void everyRuleHasACase() {
        POLICY.assertEveryRuleIsExercisedBy(CASES);
    }
}
