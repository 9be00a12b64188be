package org.onestop.standards;

import static org.onestop.testing.DecisionTableUnderTest.expect;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.onestop.testing.DecisionTableUnderTest;
import org.onestop.testing.DecisionTableUnderTest.RuleCase;

/** dmn/transfer-policy.dmn: one case per rule, and every rule has a case. */
class TransferPolicyDecisionTest {

    static final DecisionTableUnderTest TRANSFER_POLICY = DecisionTableUnderTest.load("dmn/transfer-policy.dmn", "TransferPolicy");

    static final List<RuleCase> CASES = List.of(
            expect("Rule_EmergenciesKeepTheirClock").given("priority", "emergency", "serviceCode", "water-sewer").then("clockOnTransfer", "continue"),
            expect("Rule_EmergenciesKeepTheirClock").given("priority", "urgent", "serviceCode", "pothole").then("clockOnTransfer", "continue"),
            expect("Rule_MisroutedCasesRestart").given("priority", "normal", "serviceCode", "pothole").then("clockOnTransfer", "restart"),
            expect("Rule_MisroutedCasesRestart").given("priority", null, "serviceCode", null).then("clockOnTransfer", "restart"));

    static List<RuleCase> cases() {
        return CASES;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void transferPolicy(RuleCase ruleCase) {
        TRANSFER_POLICY.assertCase(ruleCase);
    }

    @Test
    void everyRuleHasACase() {
        TRANSFER_POLICY.assertEveryRuleIsExercisedBy(CASES);
    }
}
