package org.onestop.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onestop.testing.StartUpSettings.refuses;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code onestop.cases.*} as start-up binds it. */
class CasePropertiesTest {

    @EnableConfigurationProperties(CaseProperties.class)
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
}
