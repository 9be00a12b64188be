package org.onestop.services;

import static org.onestop.services.RoutingOutputs.routed;
import static org.onestop.testing.DecisionTableUnderTest.expect;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.onestop.testing.DecisionTableUnderTest;

/**
 * dmn/routing-animal.dmn: one case per rule (named by the rule id it must hit, with the routing it must give),
 * unanswered questions included, and a check that every rule has a case.
 */
class AnimalRoutingDecisionTest {

    @TestFactory
    Stream<DynamicTest> animalRouting() {
        return DecisionTableUnderTest.load("dmn/routing-animal.dmn", "AnimalRouting").check(
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
    }
}
