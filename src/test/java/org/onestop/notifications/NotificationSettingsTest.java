package org.onestop.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onestop.testing.StartUpSettings.refuses;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code onestop.smtp.*}, {@code onestop.notifications.*} and {@code onestop.wards.councillors} as start-up binds them. */
class NotificationSettingsTest {

    @EnableConfigurationProperties({SmtpProperties.class, NotificationProperties.class, WardCouncillors.class})
    static class Settings {
    }

    private final ApplicationContextRunner startUp = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void defaultsKeepNoticesInTheOutboxAndSendEveryTenSecondsWhenThereIsAServer() {
        startUp.run(context -> {
            assertThat(context.getBean(SmtpProperties.class)).isEqualTo(new SmtpProperties("", 25, "", "", false));
            assertThat(context.getBean(NotificationProperties.class)).isEqualTo(new NotificationProperties(
                    "OneStop <noreply@onestop.invalid>", Duration.ofSeconds(10), 50, 8, Duration.ofMinutes(1), Duration.ofMinutes(1), true));
            assertThat(context.getBean(WardCouncillors.class).councillors()).isEmpty();
        });
    }

    @Test
    void theCitysServerSenderAndCouncillorsAreKept() {
        startUp.withPropertyValues("onestop.smtp.host= smtp.lakeport.example ", "onestop.smtp.port=587", "onestop.smtp.username=onestop",
                        "onestop.smtp.password=s3cret", "onestop.smtp.starttls=true",
                        "onestop.notifications.from=City of Lakeport <noreply@lakeport.example>", "onestop.notifications.max-attempts=3",
                        "onestop.wards.councillors.[Ward 1 - Harbourfront].name=Councillor Maya Chen",
                        "onestop.wards.councillors.[Ward 1 - Harbourfront].email=ward1@council.lakeport.example")
                .run(context -> {
                    SmtpProperties smtp = context.getBean(SmtpProperties.class);
                    assertThat(smtp).isEqualTo(new SmtpProperties("smtp.lakeport.example", 587, "onestop", "s3cret", true));
                    assertThat(smtp.toString()).doesNotContain("s3cret");
                    assertThat(context.getBean(NotificationProperties.class).from()).isEqualTo("City of Lakeport <noreply@lakeport.example>");
                    assertThat(context.getBean(NotificationProperties.class).maxAttempts()).isEqualTo(3);
                    assertThat(context.getBean(WardCouncillors.class).councillors()).isEqualTo(Map.of("Ward 1 - Harbourfront",
                            new WardCouncillors.Councillor("Councillor Maya Chen", "ward1@council.lakeport.example")));
                });
    }

    @Test
    void valuesThatCannotWorkAreRefused() {
        refuses(startUp, "onestop.smtp.port=0", "onestop.smtp", "port");
        refuses(startUp, "onestop.smtp.port=70000", "onestop.smtp", "port");
        refuses(startUp, "onestop.notifications.from=City of Lakeport", "onestop.notifications", "from must be an e-mail address");
        refuses(startUp, "onestop.notifications.batch-size=0", "onestop.notifications", "batchSize");
        refuses(startUp, "onestop.notifications.max-attempts=0", "onestop.notifications", "maxAttempts");
        refuses(startUp, "onestop.notifications.poll=PT0S", "onestop.notifications", "poll");
        refuses(startUp, "onestop.notifications.retry-backoff=-PT1M", "onestop.notifications", "retryBackoff");
        refuses(startUp, "onestop.notifications.lease=PT5S", "onestop.notifications", "lease");
        refuses(startUp, "onestop.wards.councillors.[Ward 1].email=ward1 at lakeport", "onestop.wards", "email");
    }
}
