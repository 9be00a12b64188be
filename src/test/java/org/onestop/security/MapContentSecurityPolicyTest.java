package org.onestop.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.onestop.places.MapProperties;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The pages' Content-Security-Policy allows pictures from the city's tile server, and from nowhere else: without a tile
 * URL it is the same 'self'-only policy as ever; a tile URL that could widen it further does not start.
 */
class MapContentSecurityPolicyTest {

    @EnableConfigurationProperties(MapProperties.class)
    static class MapSettings {
    }

    private final ApplicationContextRunner startUp = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class, ValidationAutoConfiguration.class))
            .withUserConfiguration(MapSettings.class);

    @Test
    void withoutATileServerOnlyOneStopItselfServesPictures() {
        MapProperties none = new MapProperties(null, "© OpenStreetMap contributors", 19);
        assertThat(none.hasTiles()).isFalse();
        assertThat(SecurityConfig.pageContentSecurityPolicy(none)).isEqualTo(SecurityConfig.PAGE_CONTENT_SECURITY_POLICY)
                .contains("img-src 'self' data:;");
        assertThat(new MapProperties("  ", null, 19).hasTiles()).isFalse();
    }

    @Test
    void theTileServersOriginIsAddedToThePictureSourcesOnly() {
        String osm = SecurityConfig.pageContentSecurityPolicy(
                new MapProperties("https://tile.openstreetmap.org/{z}/{x}/{y}.png", "© OpenStreetMap contributors", 19));
        assertThat(osm).contains("img-src 'self' data: https://tile.openstreetmap.org;", "script-src 'self';",
                "style-src 'self';", "default-src 'self';");
        assertThat(SecurityConfig.pageContentSecurityPolicy(
                new MapProperties("https://{s}.tiles.lakeport.example:8443/osm/{z}/{x}/{y}.png", "City of Lakeport", 18)))
                .contains("img-src 'self' data: https://*.tiles.lakeport.example:8443;");
    }

    @Test
    void aTileUrlThatIsNotOneDoesNotStart() {
        startUp.withPropertyValues("onestop.map.tile-url=https://tile.openstreetmap.org/{z}/{x}/{y}.png")
                .run(context -> assertThat(context).hasNotFailed());
        for (String bad : new String[] {"tile.openstreetmap.org/{z}/{x}/{y}.png", "javascript:alert(1)//{z}{x}{y}",
                "https://tile.openstreetmap.org/tiles.png", "https://tiles.example.org/{z}/{x}/{y}.png; script-src *",
                "ftp://tiles.example.org/{z}/{x}/{y}.png"}) {
            startUp.withPropertyValues("onestop.map.tile-url=" + bad)
                    .run(context -> assertThat(context).as(bad).hasFailed());
        }
        startUp.withPropertyValues("onestop.map.max-zoom=30").run(context -> assertThat(context).hasFailed());
    }
}
