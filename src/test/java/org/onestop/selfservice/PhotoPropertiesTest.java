package org.onestop.selfservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onestop.testing.StartUpSettings.refuses;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.util.unit.DataSize;

/** {@code onestop.photos.*} as start-up binds it: the defaults, and values refused before OneStop starts. */
class PhotoPropertiesTest {

    @EnableConfigurationProperties(PhotoProperties.class)
    static class Settings {
    }

    private final ApplicationContextRunner startUp = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void defaultsAreTenMegabytesAndFortyMegapixels() {
        startUp.run(context -> assertThat(context.getBean(PhotoProperties.class))
                .isEqualTo(new PhotoProperties(DataSize.ofMegabytes(10), 40_000_000)));
    }

    @Test
    void theCitysLimitsAreKept() {
        startUp.withPropertyValues("onestop.photos.max-size=4MB", "onestop.photos.max-pixels=12000000")
                .run(context -> assertThat(context.getBean(PhotoProperties.class))
                        .isEqualTo(new PhotoProperties(DataSize.ofMegabytes(4), 12_000_000)));
    }

    @Test
    void limitsOfNothingAreRefused() {
        refuses(startUp, "onestop.photos.max-size=0MB", "onestop.photos", "max-size must be more than 0 bytes");
        refuses(startUp, "onestop.photos.max-pixels=0", "onestop.photos", "maxPixels");
        refuses(startUp, "onestop.photos.max-size=ten", "onestop.photos.max-size");
    }
}
