package org.onestop.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.onestop.customers.ContactPreference;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The SMS channel without a Spring context: when it is ready, how it writes numbers, which settings it refuses. */
class SmsGatewayChannelTest {

    @Configuration
    @EnableConfigurationProperties(SmsProperties.class)
    static class Settings {
    }

    private final ApplicationContextRunner settings = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class, ValidationAutoConfiguration.class))
            .withUserConfiguration(Settings.class);

    private static SmsGatewayChannel channel(String url, String countryCode) {
        return new SmsGatewayChannel(new SmsProperties(url, "", "", "+12895550100", countryCode));
    }

    @Test
    void withoutAGatewayTheChannelIsNotReadySoNothingIsMarkedSent() {
        assertThat(channel("", "1").ready()).isFalse();
        assertThat(channel("https://sms.example.org/Messages.json", "1").ready()).isTrue();
    }

    @Test
    void withoutAGatewayThoseWhoPreferTextsGetEmailIfWeHaveTheirAddressElseNothing() {
        assertThat(ResidentNotices.channel(ContactPreference.SMS, "sam@example.org", "905 555 0199", true)).isEqualTo("sms");
        assertThat(ResidentNotices.channel(ContactPreference.SMS, "sam@example.org", "905 555 0199", false)).isEqualTo("email");
        assertThat(ResidentNotices.channel(ContactPreference.SMS, null, "905 555 0199", false)).isNull();
        assertThat(ResidentNotices.channel(ContactPreference.SMS, "sam@example.org", null, true)).isNull();
        assertThat(ResidentNotices.channel(ContactPreference.EMAIL, "sam@example.org", null, false)).isEqualTo("email");
        assertThat(ResidentNotices.channel(ContactPreference.PHONE, "sam@example.org", "905 555 0199", false)).isNull();
    }

    @Test
    void numbersGoOutInInternationalForm() {
        SmsGatewayChannel nanp = channel("https://sms.example.org/m", "1");
        assertThat(nanp.international("9055550199")).isEqualTo("+19055550199");
        assertThat(nanp.international("19055550199")).isEqualTo("+19055550199");
        assertThat(nanp.international("+44 20 7946 0958")).isEqualTo("+442079460958");
        assertThat(channel("https://sms.example.org/m", "33").international("612345678")).isEqualTo("+33612345678");
        assertThat(nanp.international("(905) 555-0199 ext. 12")).as("an extension is not dialled").isEqualTo("+19055550199");
    }

    @Test
    void aGatewayThatCannotWorkStopsTheStartWithAMessageNamingTheSetting() {
        settings.withPropertyValues("onestop.sms.url=ftp://sms.example.org", "onestop.sms.from=+12895550100")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("onestop.sms"));
        settings.withPropertyValues("onestop.sms.url=https://sms.example.org/Messages.json")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("from must be set"));
        settings.withPropertyValues("onestop.sms.country-code=0")
                .run(context -> assertThat(context).hasFailed());
        settings.run(context -> assertThat(context).hasNotFailed().getBean(SmsProperties.class).matches(p -> !p.configured()));
        assertThat(new SmsProperties("https://sms.example.org", "AC1", "secret-token", "+1", "1").toString()).doesNotContain("secret-token");
    }
}
