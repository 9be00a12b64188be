package org.onestop.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onestop.testing.StartUpSettings.refuses;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code onestop.cases.*} and {@code onestop.duplicates.*} as start-up binds them. */
class CasePropertiesTest {

    @EnableConfigurationProperties({CaseProperties.class, DuplicateProperties.class})
    static class Settings {
    }

    private final ApplicationContextRunner startUp = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void aResolvedCaseMayBeReopenedForThirtyDaysByDefault() {
        startUp.run(context -> assertThat(context.getBean(CaseProperties.class).reopenWindow()).isEqualTo(Duration.ofDays(30)));
        startUp.withPropertyValues("onestop.cases.reopen-window=P14D")
                .run(context -> assertThat(context.getBean(CaseProperties.class).reopenWindow()).isEqualTo(Duration.ofDays(14)));
        startUp.withPropertyValues("onestop.cases.reopen-window=PT0S")
                .run(context -> assertThat(context.getBean(CaseProperties.class).reopenWindow()).isZero());
    }

    @Test
    void aNegativeOrMalformedWindowIsRefused() {
        refuses(startUp, "onestop.cases.reopen-window=-P1D", "onestop.cases", "reopenWindow");
        refuses(startUp, "onestop.cases.reopen-window=a month", "onestop.cases.reopen-window");
    }

    @Test
    void nearbyCasesAreLookedForWithinFiftyMetresByDefaultAndAtMostFiveKilometres() {
        startUp.run(context -> assertThat(context.getBean(DuplicateProperties.class).radiusMetres()).isEqualTo(50.0));
        startUp.withPropertyValues("onestop.duplicates.radius-metres=120")
                .run(context -> assertThat(context.getBean(DuplicateProperties.class).radiusMetres()).isEqualTo(120.0));
        refuses(startUp, "onestop.duplicates.radius-metres=0", "onestop.duplicates", "radiusMetres");
        refuses(startUp, "onestop.duplicates.radius-metres=5001", "onestop.duplicates", "radiusMetres");
    }
}
