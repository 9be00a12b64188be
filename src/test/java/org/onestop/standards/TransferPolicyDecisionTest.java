package org.onestop.standards;

import static org.onestop.testing.DecisionTableUnderTest.expect;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.onestop.testing.DecisionTableUnderTest;

/** dmn/transfer-policy.dmn: one case per rule, and every rule has a case. */
class TransferPolicyDecisionTest {

    @TestFactory
    Stream<DynamicTest> transferPolicy() {
        return DecisionTableUnderTest.load("dmn/transfer-policy.dmn", "TransferPolicy").check(
                expect("Rule_EmergenciesKeepTheirClock").given("priority", "emergency", "serviceCode", "water-sewer").then("clockOnTransfer", "continue"),
                expect("Rule_EmergenciesKeepTheirClock").given("priority", "urgent", "serviceCode", "pothole").then("clockOnTransfer", "continue"),
                expect("Rule_MisroutedCasesRestart").given("priority", "normal", "serviceCode", "pothole").then("clockOnTransfer", "restart"),
                expect("Rule_MisroutedCasesRestart").given("priority", null, "serviceCode", null).then("clockOnTransfer", "restart"));
    }
}
