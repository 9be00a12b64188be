package org.onestop.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onestop.testing.StartUpSettings.refuses;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code onestop.api.*} and {@code onestop.rate-limit.*} as start-up binds them. */
class WebSettingsTest {

    @EnableConfigurationProperties({ApiProperties.class, RateLimitProperties.class})
    static class Settings {
    }

    private final ApplicationContextRunner startUp = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void defaultsAreAMegabyteOfApiBodyAndThePublishedRateLimits() {
        startUp.run(context -> {
            assertThat(context.getBean(ApiProperties.class).maxBodyBytes()).isEqualTo(1_048_576);
            RateLimitProperties limits = context.getBean(RateLimitProperties.class);
            assertThat(limits.isEnabled()).isTrue();
            assertThat(limits.getWindow()).isEqualTo(Duration.ofMinutes(1));
            assertThat(limits.getPostsPerAddress()).isEqualTo(30);
            assertThat(limits.getFailedLoginsPerAddress()).isEqualTo(10);
        });
    }

    @Test
    void limitsThatLetNothingThroughAreRefused() {
        refuses(startUp, "onestop.api.max-body-bytes=0", "onestop.api", "maxBodyBytes");
        refuses(startUp, "onestop.rate-limit.posts-per-address=0", "onestop.rate-limit", "postsPerAddress");
        refuses(startUp, "onestop.rate-limit.gets-per-key=-1", "onestop.rate-limit", "getsPerKey");
        refuses(startUp, "onestop.rate-limit.failed-logins-per-address=0", "onestop.rate-limit", "failedLoginsPerAddress");
        refuses(startUp, "onestop.rate-limit.window=PT0S", "onestop.rate-limit", "window");
    }
}
