package org.onestop.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onestop.testing.StartUpSettings.refuses;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code onestop.open311.*} as start-up binds it. */
class Open311PropertiesTest {

    @EnableConfigurationProperties(Open311Properties.class)
    static class Settings {
    }

    private final ApplicationContextRunner startUp = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void defaultsServeLakeportInProduction() {
        startUp.run(context -> assertThat(context.getBean(Open311Properties.class)).isEqualTo(new Open311Properties(
                "lakeport.example", "", "", OffsetDateTime.parse("2026-11-01T00:00:00-04:00"), "production", 65_536L)));
    }

    @Test
    void aJurisdictionOfSeveralWordsAnUnknownTypeAndAnEmptyBodyLimitAreRefused() {
        refuses(startUp, "onestop.open311.jurisdiction-id=City of Lakeport", "onestop.open311", "jurisdictionId");
        refuses(startUp, "onestop.open311.type=staging", "onestop.open311", "must be production or test");
        refuses(startUp, "onestop.open311.max-body-bytes=0", "onestop.open311", "maxBodyBytes");
        refuses(startUp, "onestop.open311.changeset=last week", "onestop.open311.changeset");
    }
}
