package org.onestop.city;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onestop.testing.StartUpSettings.refuses;

import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code onestop.city.*}, {@code onestop.base-url}, {@code onestop.public-url} and {@code onestop.demo.*} as start-up binds them. */
class CitySettingsTest {

    @EnableConfigurationProperties({CityProperties.class, SiteUrls.class, DemoProperties.class})
    static class Settings {
    }

    private final ApplicationContextRunner startUp = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void defaultsAreTheCityInTorontosTimeOnLocalhostWithoutDemoData() {
        startUp.run(context -> {
            assertThat(context.getBean(CityProperties.class)).isEqualTo(new CityProperties("the city", ZoneId.of("America/Toronto")));
            assertThat(context.getBean(SiteUrls.class)).isEqualTo(new SiteUrls("http://localhost:8080", "http://localhost:8080"));
            assertThat(context.getBean(DemoProperties.class)).isEqualTo(new DemoProperties(false, false));
        });
    }

    @Test
    void theCitysOwnValuesAreKept() {
        startUp.withPropertyValues("onestop.city.name=Ville de Lac-Port", "onestop.city.time-zone=America/Halifax",
                        "onestop.demo.users=true")
                .run(context -> {
                    assertThat(context.getBean(CityProperties.class)).isEqualTo(new CityProperties("Ville de Lac-Port", ZoneId.of("America/Halifax")));
                    assertThat(context.getBean(DemoProperties.class)).isEqualTo(new DemoProperties(true, false));
                });
    }

    @Test
    void residentsLinksGoToThePublicUrlOrElseTheBaseUrlWithoutTrailingSlash() {
        startUp.withPropertyValues("onestop.base-url=https://staff.lakeport.example/onestop/")
                .run(context -> assertThat(context.getBean(SiteUrls.class)).isEqualTo(
                        new SiteUrls("https://staff.lakeport.example/onestop", "https://staff.lakeport.example/onestop")));
        startUp.withPropertyValues("onestop.base-url=https://staff.lakeport.example", "onestop.public-url=https://311.lakeport.example/")
                .run(context -> assertThat(context.getBean(SiteUrls.class)).isEqualTo(
                        new SiteUrls("https://staff.lakeport.example", "https://311.lakeport.example")));
    }

    @Test
    void aNamelessCityAnUnknownTimeZoneAndAddressesThatAreNotWebAddressesAreRefused() {
        refuses(startUp, "onestop.city.name= ", "onestop.city", "name");
        refuses(startUp, "onestop.city.time-zone=Lakeport/Harbour", "onestop.city.time-zone", "Lakeport/Harbour");
        refuses(startUp, "onestop.base-url=311.lakeport.example", "baseUrl", "must be an http or https address");
        refuses(startUp, "onestop.public-url=ftp://311.lakeport.example", "publicUrl", "must be an http or https address");
        refuses(startUp, "onestop.public-url=https://311.lakeport.example/?city=1", "publicUrl");
    }
}
