package org.onestop.cases;

import java.util.Map;

import org.onestop.customers.ContactPreference;
import org.onestop.customers.CustomerDetails;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
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

    DemoCases(CaseService cases, ServiceRequests requests, @Value("${onestop.demo.cases:false}") boolean enabled) {
        this.cases = cases;
        this.requests = requests;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || requests.count() > 0) {
            return;
        }
        CustomerDetails jane = new CustomerDetails("Jane Resident", "(905) 555-0101", "jane.resident@example.org",
                "14 Bay St N, Lakeport", ContactPreference.EMAIL);
        CustomerDetails omar = new CustomerDetails("Omar Haddad", "905-555-0142", null, "88 Main St W, Lakeport",
                ContactPreference.PHONE);
        open(new NewCase("pothole", Channel.PHONE, "Deep pothole in the eastbound curb lane; cars swerve around it.",
                null, jane, "120 King St E, Lakeport", 43.2561, -79.8690, null,
                Map.of("hazard", true, "size", "large", "locationOnRoad", "driving-lane")));
        open(new NewCase("pothole", Channel.WEB, "Small pothole near the bus stop.",
                null, null, "455 Queen St S, Lakeport", 43.2412, -79.8921, null,
                Map.of("hazard", false, "size", "small", "locationOnRoad", "shoulder")));
        open(new NewCase("missed-collection", Channel.PHONE, "Green bin was not picked up on our street.",
                null, omar, "88 Main St W, Lakeport", 43.2575, -79.8760, null,
                Map.of("stream", "organics", "collectionDate", "2026-11-20", "setOutOnTime", true)));
        open(new NewCase("noise-complaint", Channel.PHONE, "Loud music from a backyard party every weekend past midnight.",
                null, jane, "22 Locke St S, Lakeport", 43.2580, -79.8850, null,
                Map.of("noiseSource", "amplified-music", "ongoing", true, "recurring", true)));
        log.info("Opened {} demo cases", requests.count());
    }

    private void open(NewCase request) {
        try {
            cases.open(request, "demo");
        } catch (RuntimeException e) {
            log.warn("Demo case for {} not opened: {}", request.serviceCode(), e.getMessage());
        }
    }
}
