package org.onestop.oncall;

import static org.onestop.testing.DecisionTableUnderTest.expect;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.onestop.testing.DecisionTableUnderTest;

/** dmn/after-hours.dmn: one case per rule, and every rule has a case. */
class AfterHoursRoutingDecisionTest {

    @TestFactory
    Stream<DynamicTest> afterHoursRouting() {
        return DecisionTableUnderTest.load("dmn/after-hours.dmn", "AfterHoursRouting").check(
                expect("Rule_OfficeHoursGoToTheDepartment").given("officeOpen", true, "priority", "emergency").then("routeToOnCall", false),
                expect("Rule_EmergenciesAfterHoursGoOnCall").given("officeOpen", false, "priority", "emergency").then("routeToOnCall", true),
                expect("Rule_EmergenciesAfterHoursGoOnCall").given("officeOpen", false, "priority", "urgent").then("routeToOnCall", true),
                expect("Rule_EverythingElseWaitsForTheMorning").given("officeOpen", false, "priority", "normal").then("routeToOnCall", false));
    }
}
