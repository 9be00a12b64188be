package org.onestop.standards;

import static org.onestop.testing.DecisionTableUnderTest.expect;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.onestop.testing.DecisionTableUnderTest;

/** dmn/escalation-policy.dmn: one case per rule, and every rule has a case. */
class EscalationPolicyDecisionTest {

    @TestFactory
    Stream<DynamicTest> escalationPolicy() {
        return DecisionTableUnderTest.load("dmn/escalation-policy.dmn", "EscalationPolicy").check(
                expect("Rule_Emergency").given("priority", "emergency").then("remindBefore", "PT30M", "secondEscalationAfter", "PT4H"),
                expect("Rule_Urgent").given("priority", "urgent").then("remindBefore", "PT2H", "secondEscalationAfter", "P1D"),
                expect("Rule_High").given("priority", "high").then("remindBefore", "PT4H", "secondEscalationAfter", "P2D"),
                expect("Rule_Default").given("priority", "normal").then("remindBefore", "P1D", "secondEscalationAfter", "P5D"),
                expect("Rule_Default").given("priority", null).then("remindBefore", "P1D", "secondEscalationAfter", "P5D"));
    }
}
