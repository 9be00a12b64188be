package org.onestop.cases;

import org.onestop.city.CityProperties;
import org.onestop.city.DemoProperties;
import org.onestop.departments.Departments;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.onestop.oncall.OnCallRoster;

import org.onestop.customers.ContactPreference;
import org.onestop.customers.CustomerDetails;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A few demo cases for the embedded default, opened through the real intake so that they are routed, dated and waiting
 * in the departments' Tasklist. Only into an empty case table, and never in the mysql profile.
 */
@Component
@Order(20)
class DemoCases implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCases.class);

    private final CaseService cases;
    private final ServiceRequests requests;
    private final boolean enabled;
    private final OnCallRoster roster;
    private final Departments departments;
    private final Clock clock;
    private final ZoneId zone;

    DemoCases(CaseService cases, ServiceRequests requests, OnCallRoster roster, Departments departments, Clock clock,
              DemoProperties demo, CityProperties city) {
        this.cases = cases;
        this.requests = requests;
        this.roster = roster;
        this.departments = departments;
        this.clock = clock;
        this.enabled = demo.cases();
        this.zone = city.timeZone();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || requests.count() > 0) {
            return;
        }
        List<String> opened = openDemoCases();
        log.info("Opened {} demo cases: {}", opened.size(), opened);
    }

    /** Puts the demo users on standby this week and opens the demo cases; returns their references. */
    List<String> openDemoCases() {
        List<String> opened = new ArrayList<>();
        // Each department's demo user is on standby this week, so urgent demo requests opened at night reach them.
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        for (Departments.Department department : departments.departments()) {
            try {
                roster.add(department.id(), department.id(), today, today.plusDays(6), "demo");
            } catch (RuntimeException e) {
                log.warn("No demo on-call shift for {}: {}", department.id(), e.getMessage());
            }
        }
        CustomerDetails jane = new CustomerDetails("Jane Resident", "(905) 555-0101", "jane.resident@example.org",
                "14 Bay St N, Lakeport", ContactPreference.EMAIL);
        CustomerDetails omar = new CustomerDetails("Omar Haddad", "905-555-0142", null, "88 Main St W, Lakeport",
                ContactPreference.PHONE);
        open(opened, new NewCase("pothole", Channel.PHONE, "Deep pothole in the eastbound curb lane; cars swerve around it.",
                null, jane, "120 King St E, Lakeport", 43.2561, -79.8690, null,
                Map.of("hazard", true, "size", "large", "locationOnRoad", "driving-lane")));
        open(opened, new NewCase("pothole", Channel.WEB, "Small pothole near the bus stop.",
                null, null, "455 Queen St S, Lakeport", 43.2412, -79.8921, null,
                Map.of("hazard", false, "size", "small", "locationOnRoad", "shoulder")));
        open(opened, new NewCase("missed-collection", Channel.PHONE, "Green bin was not picked up on our street.",
                null, omar, "88 Main St W, Lakeport", 43.2575, -79.8760, null,
                Map.of("stream", "organics", "collectionDate", "2026-11-20", "setOutOnTime", true)));
        open(opened, new NewCase("noise-complaint", Channel.PHONE, "Loud music from a backyard party every weekend past midnight.",
                null, jane, "22 Locke St S, Lakeport", 43.2580, -79.8850, null,
                Map.of("noiseSource", "amplified-music", "ongoing", true, "recurring", true)));
        open(opened, new NewCase("streetlight-out", Channel.APP, "Three lights out along the path by the school.",
                null, omar, "Victoria Park path, Lakeport", 43.2630, -79.8790, null,
                Map.of("lightProblem", "out", "lightsOut", "several", "poleNumber", "SL-10422")));
        open(opened, new NewCase("tree", Channel.PHONE, "A large limb is hanging over the sidewalk after the storm.",
                null, jane, "9 Aberdeen Ave, Lakeport", 43.2480, -79.8880, null,
                Map.of("requestType", "hanging-limb", "blocking", false, "treeLocation", "boulevard")));
        open(opened, new NewCase("councillor-inquiry", Channel.COUNCIL, "Raised by the councillor's office for a resident.",
                null, omar, "Mountain Brow Blvd, Lakeport", 43.2200, -79.9000, null,
                Map.of("councillor", "Councillor Priya Natarajan", "topic", "roads-traffic",
                        "inquiry", "Drivers speed past the school crossing every morning.", "residentConsent", true)));
        return opened;
    }

    private void open(List<String> opened, NewCase request) {
        try {
            opened.add(cases.open(request, "demo").getReference());
        } catch (RuntimeException e) {
            log.warn("Demo case for {} not opened: {}", request.serviceCode(), e.getMessage());
        }
    }
}
