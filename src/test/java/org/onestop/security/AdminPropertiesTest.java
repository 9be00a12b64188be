package org.onestop.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;

/** {@code onestop.admin.*} as start-up binds it. */
class AdminPropertiesTest {

    @EnableConfigurationProperties(AdminProperties.class)
    static class Settings {
    }

    /** Without the environment's variables: CI sets ONESTOP_ADMIN_PASSWORD for the suite's own administrator. */
    private final ApplicationContextRunner startUp = new ApplicationContextRunner().withUserConfiguration(Settings.class)
            .withInitializer(context -> context.getEnvironment().getPropertySources()
                    .remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME));

    @Test
    void noAdministratorByDefault() {
        startUp.run(context -> assertThat(context.getBean(AdminProperties.class)).isEqualTo(new AdminProperties(null, null)));
    }

    @Test
    void thePasswordNeverShowsInTheSettingsText() {
        startUp.withPropertyValues("onestop.admin.username=alice", "onestop.admin.password=correct-horse-battery")
                .run(context -> {
                    AdminProperties admin = context.getBean(AdminProperties.class);
                    assertThat(admin.password()).isEqualTo("correct-horse-battery");
                    assertThat(admin.toString()).contains("alice").doesNotContain("correct-horse-battery");
                });
    }
}
