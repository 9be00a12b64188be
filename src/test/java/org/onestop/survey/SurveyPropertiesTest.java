package org.onestop.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onestop.testing.StartUpSettings.refuses;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code onestop.survey.*} as start-up binds it. */
class SurveyPropertiesTest {

    @EnableConfigurationProperties(SurveyProperties.class)
    static class Settings {
    }

    private final ApplicationContextRunner startUp = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void theSurveyLinkIsValidForThirtyDaysByDefault() {
        startUp.run(context -> assertThat(context.getBean(SurveyProperties.class).validFor()).isEqualTo(Duration.ofDays(30)));
        startUp.withPropertyValues("onestop.survey.valid-for=P7D")
                .run(context -> assertThat(context.getBean(SurveyProperties.class).validFor()).isEqualTo(Duration.ofDays(7)));
    }

    @Test
    void lessThanADayIsRefusedSinceTheNoticeCountsDays() {
        refuses(startUp, "onestop.survey.valid-for=PT12H", "onestop.survey", "validFor");
        refuses(startUp, "onestop.survey.valid-for=-P30D", "onestop.survey", "validFor");
    }
}
