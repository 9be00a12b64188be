package org.onestop.standards;

import static org.onestop.testing.DecisionTableUnderTest.expect;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.onestop.testing.DecisionTableUnderTest;

/**
 * dmn/service-standards.dmn: one case per row (named by the rule id it must hit, with the standard it must give),
 * the catch-all for services and priorities without a row of their own, and a check that every row has a case.
 */
class ServiceStandardsDecisionTest {

    @TestFactory
    Stream<DynamicTest> serviceStandard() {
        return DecisionTableUnderTest.load("dmn/service-standards.dmn", "ServiceStandards").check(
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
                expect("Rule_SidewalkDamageUrgent").given("serviceCode", "sidewalk-damage", "priority", "urgent")
                        .then(standard("PT2H", "P5D", "calendar")),
                expect("Rule_SidewalkDamageHigh").given("serviceCode", "sidewalk-damage", "priority", "high")
                        .then(standard("P1D", "P15D", "business")),
                expect("Rule_SidewalkDamageNormal").given("serviceCode", "sidewalk-damage", "priority", "normal")
                        .then(standard("P2D", "P30D", "business")),
                expect("Rule_SidewalkDamageLow").given("serviceCode", "sidewalk-damage", "priority", "low")
                        .then(standard("P3D", "P60D", "business")),
                expect("Rule_StreetlightOutUrgent").given("serviceCode", "streetlight-out", "priority", "urgent")
                        .then(standard("PT2H", "P1D", "calendar")),
                expect("Rule_StreetlightOutHigh").given("serviceCode", "streetlight-out", "priority", "high")
                        .then(standard("P1D", "P5D", "business")),
                expect("Rule_StreetlightOutNormal").given("serviceCode", "streetlight-out", "priority", "normal")
                        .then(standard("P2D", "P10D", "business")),
                expect("Rule_StreetlightOutLow").given("serviceCode", "streetlight-out", "priority", "low")
                        .then(standard("P3D", "P20D", "business")),
                expect("Rule_TrafficSignalEmergency").given("serviceCode", "traffic-signal", "priority", "emergency")
                        .then(standard("PT1H", "PT4H", "calendar")),
                expect("Rule_TrafficSignalUrgent").given("serviceCode", "traffic-signal", "priority", "urgent")
                        .then(standard("PT2H", "PT12H", "calendar")),
                expect("Rule_TrafficSignalHigh").given("serviceCode", "traffic-signal", "priority", "high")
                        .then(standard("PT4H", "P2D", "calendar")),
                expect("Rule_TrafficSignalNormal").given("serviceCode", "traffic-signal", "priority", "normal")
                        .then(standard("P1D", "P5D", "business")),
                expect("Rule_GraffitiUrgent").given("serviceCode", "graffiti", "priority", "urgent")
                        .then(standard("PT4H", "P3D", "business")),
                expect("Rule_GraffitiNormal").given("serviceCode", "graffiti", "priority", "normal")
                        .then(standard("P2D", "P30D", "business")),
                expect("Rule_IllegalDumpingHigh").given("serviceCode", "illegal-dumping", "priority", "high")
                        .then(standard("P1D", "P3D", "business")),
                expect("Rule_IllegalDumpingNormal").given("serviceCode", "illegal-dumping", "priority", "normal")
                        .then(standard("P2D", "P10D", "business")),
                expect("Rule_IllegalDumpingLow").given("serviceCode", "illegal-dumping", "priority", "low")
                        .then(standard("P3D", "P20D", "business")),
                expect("Rule_SnowIceHigh").given("serviceCode", "snow-ice", "priority", "high")
                        .then(standard("PT4H", "P1D", "calendar")),
                expect("Rule_SnowIceNormal").given("serviceCode", "snow-ice", "priority", "normal")
                        .then(standard("P1D", "P3D", "calendar")),
                expect("Rule_SnowIceLow").given("serviceCode", "snow-ice", "priority", "low")
                        .then(standard("P1D", "P5D", "calendar")),
                expect("Rule_TreeUrgent").given("serviceCode", "tree", "priority", "urgent")
                        .then(standard("PT2H", "P2D", "calendar")),
                expect("Rule_TreeHigh").given("serviceCode", "tree", "priority", "high")
                        .then(standard("P1D", "P5D", "business")),
                expect("Rule_TreeNormal").given("serviceCode", "tree", "priority", "normal")
                        .then(standard("P2D", "P30D", "business")),
                expect("Rule_TreeLow").given("serviceCode", "tree", "priority", "low")
                        .then(standard("P2D", "P15D", "business")),
                expect("Rule_AnimalUrgent").given("serviceCode", "animal", "priority", "urgent")
                        .then(standard("PT1H", "PT4H", "calendar")),
                expect("Rule_AnimalHigh").given("serviceCode", "animal", "priority", "high")
                        .then(standard("PT4H", "P1D", "business")),
                expect("Rule_AnimalNormal").given("serviceCode", "animal", "priority", "normal")
                        .then(standard("P1D", "P2D", "business")),
                expect("Rule_PropertyStandardsUrgent").given("serviceCode", "property-standards", "priority", "urgent")
                        .then(standard("PT4H", "P2D", "calendar")),
                expect("Rule_PropertyStandardsHigh").given("serviceCode", "property-standards", "priority", "high")
                        .then(standard("P1D", "P5D", "business")),
                expect("Rule_PropertyStandardsNormal").given("serviceCode", "property-standards", "priority", "normal")
                        .then(standard("P2D", "P30D", "business")),
                expect("Rule_PropertyStandardsLow").given("serviceCode", "property-standards", "priority", "low")
                        .then(standard("P3D", "P30D", "business")),
                expect("Rule_ParkingHigh").given("serviceCode", "parking", "priority", "high")
                        .then(standard("PT1H", "PT4H", "calendar")),
                expect("Rule_ParkingNormal").given("serviceCode", "parking", "priority", "normal")
                        .then(standard("P1D", "P2D", "business")),
                expect("Rule_ParkingLow").given("serviceCode", "parking", "priority", "low")
                        .then(standard("P2D", "P10D", "business")),
                expect("Rule_WaterSewerEmergency").given("serviceCode", "water-sewer", "priority", "emergency")
                        .then(standard("PT2H", "P1D", "calendar")),
                expect("Rule_WaterSewerNormal").given("serviceCode", "water-sewer", "priority", "normal")
                        .then(standard("P1D", "P5D", "business")),
                expect("Rule_WaterSewerLow").given("serviceCode", "water-sewer", "priority", "low")
                        .then(standard("P1D", "P3D", "business")),
                expect("Rule_GeneralInquiryNormal").given("serviceCode", "general-inquiry", "priority", "normal")
                        .then(standard("P1D", "P3D", "business")),
                expect("Rule_GeneralInquiryLow").given("serviceCode", "general-inquiry", "priority", "low")
                        .then(standard("P2D", "P5D", "business")),
                expect("Rule_ComplaintNormal").given("serviceCode", "complaint", "priority", "normal")
                        .then(standard("P2D", "P15D", "business")),
                expect("Rule_ComplaintStage2Normal").given("serviceCode", "complaint-stage-2", "priority", "normal")
                        .then(standard("P2D", "P20D", "business")),
                expect("Rule_ComplimentLow").given("serviceCode", "compliment", "priority", "low")
                        .then(standard("P2D", "P10D", "business")),
                expect("Rule_CouncillorInquiryHigh").given("serviceCode", "councillor-inquiry", "priority", "high")
                        .then(standard("P1D", "P5D", "business")),
                expect("Rule_DefaultStandard").given("serviceCode", "graffiti", "priority", "low")
                        .then(standard("P2D", "P10D", "business")),
                expect("Rule_DefaultStandard").given("serviceCode", "pothole", "priority", "low")
                        .then(standard("P2D", "P10D", "business")),
                expect("Rule_DefaultStandard").given("serviceCode", "noise-complaint", "priority", null)
                        .then(standard("P2D", "P10D", "business")),
                expect("Rule_DefaultStandard").given()
                        .then(standard("P2D", "P10D", "business")));
    }

    private static Object[] standard(String acknowledgeWithin, String resolveWithin, String clock) {
        return new Object[] {"acknowledgeWithin", acknowledgeWithin, "resolveWithin", resolveWithin, "clock", clock};
    }
}
