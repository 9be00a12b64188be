package org.onestop.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onestop.testing.StartUpSettings.refuses;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;

/** {@code onestop.addresses.*} and {@code onestop.wards.boundaries} as start-up binds them. */
class PlacesSettingsTest {

    @EnableConfigurationProperties({AddressProperties.class, WardProperties.class})
    static class Settings {
    }

    private final ApplicationContextRunner startUp = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void theShippedAddressRegisterByDefaultAndNoWards() {
        startUp.run(context -> {
            assertThat(context.getBean(AddressProperties.class).points()).isEqualTo(new ClassPathResource("addresses/lakeport-addresses.csv"));
            assertThat(context.getBean(WardProperties.class).boundaries()).isNull();
        });
    }

    @Test
    void theCitysFilesAreKept() {
        startUp.withPropertyValues("onestop.wards.boundaries=classpath:wards/lakeport-wards.geojson", "onestop.addresses.points=file:pom.xml")
                .run(context -> {
                    assertThat(context.getBean(WardProperties.class).boundaries()).isEqualTo(new ClassPathResource("wards/lakeport-wards.geojson"));
                    assertThat(context.getBean(AddressProperties.class).points().getFilename()).isEqualTo("pom.xml");
                });
        startUp.withPropertyValues("onestop.wards.boundaries=")
                .run(context -> assertThat(context.getBean(WardProperties.class).boundaries()).as("empty: no wards").isNull());
    }

    @Test
    void aFileThatIsNotThereIsRefused() {
        refuses(startUp, "onestop.addresses.points=classpath:addresses/nowhere.csv", "onestop.addresses", "points: no such file");
        refuses(startUp, "onestop.wards.boundaries=file:/nowhere/wards.geojson", "onestop.wards", "boundaries: no such file");
    }
}
