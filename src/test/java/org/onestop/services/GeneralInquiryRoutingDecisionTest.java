package org.onestop.services;

import static org.onestop.services.RoutingOutputs.routed;
import static org.onestop.testing.DecisionTableUnderTest.expect;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.onestop.testing.DecisionTableUnderTest;

/**
 * dmn/routing-general-inquiry.dmn: one case per rule (named by the rule id it must hit, with the routing it must give),
 * unanswered questions included, and a check that every rule has a case.
 */
class GeneralInquiryRoutingDecisionTest {

    @TestFactory
    Stream<DynamicTest> generalInquiryRouting() {
        return DecisionTableUnderTest.load("dmn/routing-general-inquiry.dmn", "GeneralInquiryRouting").check(
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
    }
}
