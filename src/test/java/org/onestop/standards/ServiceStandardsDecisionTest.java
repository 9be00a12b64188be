package org.onestop.standards;

import static org.onestop.testing.DecisionTableUnderTest.expect;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.onestop.testing.DecisionTableUnderTest;

/**
 * Each service's own standards table, dmn/standards-&lt;service code&gt;.dmn: one case per row (named by the rule id it
 * must hit, with the standard it must give), the catch-all for priorities without a row of their own, and a check that
 * every row has a case.
 */
class ServiceStandardsDecisionTest {

    @TestFactory
    Stream<DynamicTest> animal() {
        return DecisionTableUnderTest.load("dmn/standards-animal.dmn", "AnimalStandards").check(
                expect("Rule_AnimalUrgent").given("priority", "urgent").then(standard("PT1H", "PT4H", "calendar")),
                expect("Rule_AnimalHigh").given("priority", "high").then(standard("PT4H", "P1D", "business")),
                expect("Rule_AnimalNormal").given("priority", "normal").then(standard("P1D", "P2D", "business")),
                expect("Rule_AnimalDefault").given("priority", "low").then(standard("P2D", "P10D", "business")),
                expect("Rule_AnimalDefault").given().then(standard("P2D", "P10D", "business")));
    }

    @TestFactory
    Stream<DynamicTest> complaint() {
        return DecisionTableUnderTest.load("dmn/standards-complaint.dmn", "ComplaintStandards").check(
                expect("Rule_ComplaintNormal").given("priority", "normal").then(standard("P2D", "P15D", "business")),
                expect("Rule_ComplaintDefault").given("priority", "low").then(standard("P2D", "P10D", "business")),
                expect("Rule_ComplaintDefault").given().then(standard("P2D", "P10D", "business")));
    }

    @TestFactory
    Stream<DynamicTest> compliment() {
        return DecisionTableUnderTest.load("dmn/standards-compliment.dmn", "ComplimentStandards").check(
                expect("Rule_ComplimentLow").given("priority", "low").then(standard("P2D", "P10D", "business")),
                expect("Rule_ComplimentDefault").given("priority", "normal").then(standard("P2D", "P10D", "business")),
                expect("Rule_ComplimentDefault").given().then(standard("P2D", "P10D", "business")));
    }

    @TestFactory
    Stream<DynamicTest> councillorInquiry() {
        return DecisionTableUnderTest.load("dmn/standards-councillor-inquiry.dmn", "CouncillorInquiryStandards").check(
                expect("Rule_CouncillorInquiryHigh").given("priority", "high").then(standard("P1D", "P5D", "business")),
                expect("Rule_CouncillorInquiryDefault").given("priority", "low").then(standard("P2D", "P10D", "business")),
                expect("Rule_CouncillorInquiryDefault").given().then(standard("P2D", "P10D", "business")));
    }

    @TestFactory
    Stream<DynamicTest> generalInquiry() {
        return DecisionTableUnderTest.load("dmn/standards-general-inquiry.dmn", "GeneralInquiryStandards").check(
                expect("Rule_GeneralInquiryNormal").given("priority", "normal").then(standard("P1D", "P3D", "business")),
                expect("Rule_GeneralInquiryLow").given("priority", "low").then(standard("P2D", "P5D", "business")),
                expect("Rule_GeneralInquiryDefault").given("priority", "high").then(standard("P2D", "P10D", "business")),
                expect("Rule_GeneralInquiryDefault").given().then(standard("P2D", "P10D", "business")));
    }

    @TestFactory
    Stream<DynamicTest> graffiti() {
        return DecisionTableUnderTest.load("dmn/standards-graffiti.dmn", "GraffitiStandards").check(
                expect("Rule_GraffitiUrgent").given("priority", "urgent").then(standard("PT4H", "P3D", "business")),
                expect("Rule_GraffitiNormal").given("priority", "normal").then(standard("P2D", "P30D", "business")),
                expect("Rule_GraffitiDefault").given("priority", "low").then(standard("P2D", "P10D", "business")),
                expect("Rule_GraffitiDefault").given().then(standard("P2D", "P10D", "business")));
    }

    @TestFactory
    Stream<DynamicTest> illegalDumping() {
        return DecisionTableUnderTest.load("dmn/standards-illegal-dumping.dmn", "IllegalDumpingStandards").check(
                expect("Rule_IllegalDumpingHigh").given("priority", "high").then(standard("P1D", "P3D", "business")),
                expect("Rule_IllegalDumpingNormal").given("priority", "normal").then(standard("P2D", "P10D", "business")),
                expect("Rule_IllegalDumpingLow").given("priority", "low").then(standard("P3D", "P20D", "business")),
                expect("Rule_IllegalDumpingDefault").given("priority", "urgent").then(standard("P2D", "P10D", "business")),
                expect("Rule_IllegalDumpingDefault").given().then(standard("P2D", "P10D", "business")));
    }

    @TestFactory
    Stream<DynamicTest> missedCollection() {
        return DecisionTableUnderTest.load("dmn/standards-missed-collection.dmn", "MissedCollectionStandards").check(
                expect("Rule_MissedCollectionHigh").given("priority", "high").then(standard("P1D", "P2D", "business")),
                expect("Rule_MissedCollectionNormal").given("priority", "normal").then(standard("P1D", "P3D", "business")),
                expect("Rule_MissedCollectionLow").given("priority", "low").then(standard("P2D", "P5D", "business")),
                expect("Rule_MissedCollectionDefault").given("priority", "urgent").then(standard("P2D", "P10D", "business")),
                expect("Rule_MissedCollectionDefault").given().then(standard("P2D", "P10D", "business")));
    }

    @TestFactory
    Stream<DynamicTest> noiseComplaint() {
        return DecisionTableUnderTest.load("dmn/standards-noise-complaint.dmn", "NoiseComplaintStandards").check(
                expect("Rule_NoiseComplaintHigh").given("priority", "high").then(standard("PT2H", "PT12H", "calendar")),
                expect("Rule_NoiseComplaintNormal").given("priority", "normal").then(standard("P2D", "P10D", "business")),
                expect("Rule_NoiseComplaintLow").given("priority", "low").then(standard("P3D", "P15D", "business")),
                expect("Rule_NoiseComplaintDefault").given("priority", "urgent").then(standard("P2D", "P10D", "business")),
                expect("Rule_NoiseComplaintDefault").given().then(standard("P2D", "P10D", "business")));
    }

    @TestFactory
    Stream<DynamicTest> parking() {
        return DecisionTableUnderTest.load("dmn/standards-parking.dmn", "ParkingStandards").check(
                expect("Rule_ParkingHigh").given("priority", "high").then(standard("PT1H", "PT4H", "calendar")),
                expect("Rule_ParkingNormal").given("priority", "normal").then(standard("P1D", "P2D", "business")),
                expect("Rule_ParkingLow").given("priority", "low").then(standard("P2D", "P10D", "business")),
                expect("Rule_ParkingDefault").given("priority", "urgent").then(standard("P2D", "P10D", "business")),
                expect("Rule_ParkingDefault").given().then(standard("P2D", "P10D", "business")));
    }

    @TestFactory
    Stream<DynamicTest> pothole() {
        return DecisionTableUnderTest.load("dmn/standards-pothole.dmn", "PotholeStandards").check(
                expect("Rule_PotholeUrgent").given("priority", "urgent").then(standard("PT2H", "P1D", "calendar")),
                expect("Rule_PotholeHigh").given("priority", "high").then(standard("P1D", "P4D", "business")),
                expect("Rule_PotholeNormal").given("priority", "normal").then(standard("P2D", "P10D", "business")),
                expect("Rule_PotholeDefault").given("priority", "low").then(standard("P2D", "P10D", "business")),
                expect("Rule_PotholeDefault").given().then(standard("P2D", "P10D", "business")));
    }

    @TestFactory
    Stream<DynamicTest> propertyStandards() {
        return DecisionTableUnderTest.load("dmn/standards-property-standards.dmn", "PropertyStandardsStandards").check(
                expect("Rule_PropertyStandardsUrgent").given("priority", "urgent").then(standard("PT4H", "P2D", "calendar")),
                expect("Rule_PropertyStandardsHigh").given("priority", "high").then(standard("P1D", "P5D", "business")),
                expect("Rule_PropertyStandardsNormal").given("priority", "normal").then(standard("P2D", "P30D", "business")),
                expect("Rule_PropertyStandardsLow").given("priority", "low").then(standard("P3D", "P30D", "business")),
                expect("Rule_PropertyStandardsDefault").given("priority", "emergency").then(standard("P2D", "P10D", "business")),
                expect("Rule_PropertyStandardsDefault").given().then(standard("P2D", "P10D", "business")));
    }

    @TestFactory
    Stream<DynamicTest> sidewalkDamage() {
        return DecisionTableUnderTest.load("dmn/standards-sidewalk-damage.dmn", "SidewalkDamageStandards").check(
                expect("Rule_SidewalkDamageUrgent").given("priority", "urgent").then(standard("PT2H", "P5D", "calendar")),
                expect("Rule_SidewalkDamageHigh").given("priority", "high").then(standard("P1D", "P15D", "business")),
                expect("Rule_SidewalkDamageNormal").given("priority", "normal").then(standard("P2D", "P30D", "business")),
                expect("Rule_SidewalkDamageLow").given("priority", "low").then(standard("P3D", "P60D", "business")),
                expect("Rule_SidewalkDamageDefault").given("priority", "emergency").then(standard("P2D", "P10D", "business")),
                expect("Rule_SidewalkDamageDefault").given().then(standard("P2D", "P10D", "business")));
    }

    @TestFactory
    Stream<DynamicTest> snowIce() {
        return DecisionTableUnderTest.load("dmn/standards-snow-ice.dmn", "SnowIceStandards").check(
                expect("Rule_SnowIceHigh").given("priority", "high").then(standard("PT4H", "P1D", "calendar")),
                expect("Rule_SnowIceNormal").given("priority", "normal").then(standard("P1D", "P3D", "calendar")),
                expect("Rule_SnowIceLow").given("priority", "low").then(standard("P1D", "P5D", "calendar")),
                expect("Rule_SnowIceDefault").given("priority", "urgent").then(standard("P2D", "P10D", "business")),
                expect("Rule_SnowIceDefault").given().then(standard("P2D", "P10D", "business")));
    }

    @TestFactory
    Stream<DynamicTest> streetlightOut() {
        return DecisionTableUnderTest.load("dmn/standards-streetlight-out.dmn", "StreetlightOutStandards").check(
                expect("Rule_StreetlightOutUrgent").given("priority", "urgent").then(standard("PT2H", "P1D", "calendar")),
                expect("Rule_StreetlightOutHigh").given("priority", "high").then(standard("P1D", "P5D", "business")),
                expect("Rule_StreetlightOutNormal").given("priority", "normal").then(standard("P2D", "P10D", "business")),
                expect("Rule_StreetlightOutLow").given("priority", "low").then(standard("P3D", "P20D", "business")),
                expect("Rule_StreetlightOutDefault").given("priority", "emergency").then(standard("P2D", "P10D", "business")),
                expect("Rule_StreetlightOutDefault").given().then(standard("P2D", "P10D", "business")));
    }

    @TestFactory
    Stream<DynamicTest> trafficSignal() {
        return DecisionTableUnderTest.load("dmn/standards-traffic-signal.dmn", "TrafficSignalStandards").check(
                expect("Rule_TrafficSignalEmergency").given("priority", "emergency").then(standard("PT1H", "PT4H", "calendar")),
                expect("Rule_TrafficSignalUrgent").given("priority", "urgent").then(standard("PT2H", "PT12H", "calendar")),
                expect("Rule_TrafficSignalHigh").given("priority", "high").then(standard("PT4H", "P2D", "calendar")),
                expect("Rule_TrafficSignalNormal").given("priority", "normal").then(standard("P1D", "P5D", "business")),
                expect("Rule_TrafficSignalDefault").given("priority", "low").then(standard("P2D", "P10D", "business")),
                expect("Rule_TrafficSignalDefault").given().then(standard("P2D", "P10D", "business")));
    }

    @TestFactory
    Stream<DynamicTest> tree() {
        return DecisionTableUnderTest.load("dmn/standards-tree.dmn", "TreeRequestStandards").check(
                expect("Rule_TreeUrgent").given("priority", "urgent").then(standard("PT2H", "P2D", "calendar")),
                expect("Rule_TreeHigh").given("priority", "high").then(standard("P1D", "P5D", "business")),
                expect("Rule_TreeNormal").given("priority", "normal").then(standard("P2D", "P30D", "business")),
                expect("Rule_TreeLow").given("priority", "low").then(standard("P2D", "P15D", "business")),
                expect("Rule_TreeRequestDefault").given("priority", "emergency").then(standard("P2D", "P10D", "business")),
                expect("Rule_TreeRequestDefault").given().then(standard("P2D", "P10D", "business")));
    }

    @TestFactory
    Stream<DynamicTest> waterSewer() {
        return DecisionTableUnderTest.load("dmn/standards-water-sewer.dmn", "WaterSewerStandards").check(
                expect("Rule_WaterSewerEmergency").given("priority", "emergency").then(standard("PT2H", "P1D", "calendar")),
                expect("Rule_WaterSewerNormal").given("priority", "normal").then(standard("P1D", "P5D", "business")),
                expect("Rule_WaterSewerLow").given("priority", "low").then(standard("P1D", "P3D", "business")),
                expect("Rule_WaterSewerDefault").given("priority", "high").then(standard("P2D", "P10D", "business")),
                expect("Rule_WaterSewerDefault").given().then(standard("P2D", "P10D", "business")));
    }

    @TestFactory
    Stream<DynamicTest> complaintStage2() {
        return DecisionTableUnderTest.load("dmn/standards-complaint-stage-2.dmn", "ComplaintStage2Standards").check(
                expect("Rule_ComplaintStage2Normal").given("priority", "normal").then(standard("P2D", "P20D", "business")),
                expect("Rule_ComplaintStage2Default").given("priority", "low").then(standard("P2D", "P10D", "business")),
                expect("Rule_ComplaintStage2Default").given().then(standard("P2D", "P10D", "business")));
    }

    private static Object[] standard(String acknowledgeWithin, String resolveWithin, String clock) {
        return new Object[] {"acknowledgeWithin", acknowledgeWithin, "resolveWithin", resolveWithin, "clock", clock};
    }
}
