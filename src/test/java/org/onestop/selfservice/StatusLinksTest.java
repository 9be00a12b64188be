package org.onestop.selfservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

/** The keys of the residents' own status links, without the application: one per reference, and nothing else opens. */
class StatusLinksTest {

    private static final String SECRET = "a-configured-secret-of-at-least-32-characters";
    private final StatusLinks links = new StatusLinks(new StatusLinkProperties(SECRET), null, Clock.systemUTC());

    @Test
    void aKeyIs22Base64UrlCharactersTheSameEachTimeAndDifferentForEveryReference() {
        String key = links.key("SR-2026-000123");
        assertThat(key).matches("[A-Za-z0-9_-]{22}").isEqualTo(links.key("SR-2026-000123"));
        assertThat(links.key("SR-2026-000124")).isNotEqualTo(key);
        assertThat(new StatusLinks(new StatusLinkProperties(SECRET + "x"), null, Clock.systemUTC()).key("SR-2026-000123"))
                .as("another city's secret").isNotEqualTo(key);
        assertThat(links.path("SR-2026-000123")).isEqualTo("/status/SR-2026-000123?key=" + key);
    }

    @Test
    void onlyTheCasesOwnKeyOpensItsPage() {
        String key = links.key("SR-2026-000123");
        assertThat(links.opens("SR-2026-000123", key)).isTrue();
        assertThat(links.opens("SR-2026-000124", key)).isFalse();
        assertThat(links.opens("SR-2026-000123", null)).isFalse();
        assertThat(links.opens("SR-2026-000123", "")).isFalse();
        assertThat(links.opens("SR-2026-000123", key.substring(1))).isFalse();
        assertThat(links.opens("SR-2026-000123", key + "A")).isFalse();
        assertThat(links.opens("SR-2026-000123", "é".repeat(22))).isFalse();
    }

    @Test
    void aPhotosKeyOpensThatPhotoOnlyAndTheCasesKeyOpensAllItsPhotos() {
        String photoKey = links.photoPath("SR-2026-000123", 7).replaceAll(".*\\?key=", "");
        assertThat(links.photoPath("SR-2026-000123", 7)).startsWith("/status/SR-2026-000123/photos/7?key=");
        assertThat(photoKey).matches("[A-Za-z0-9_-]{22}");
        assertThat(links.opensPhoto("SR-2026-000123", 7, photoKey)).isTrue();
        assertThat(links.opensPhoto("SR-2026-000123", 8, photoKey)).isFalse();
        assertThat(links.opens("SR-2026-000123", photoKey)).as("a photo's key does not open the page").isFalse();
        assertThat(links.opensPhoto("SR-2026-000123", 8, links.key("SR-2026-000123"))).isTrue();
        assertThat(links.opensPhoto("SR-2026-000123", 7, null)).isFalse();
    }

    @Test
    void aConfiguredSecretMustBeLongEnoughAndABlankOneMeansGenerated() {
        Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
        assertThat(validator.validate(new StatusLinkProperties("too-short"))).hasSize(1);
        assertThat(validator.validate(new StatusLinkProperties(SECRET))).isEmpty();
        assertThat(new StatusLinkProperties("  ").secret()).isNull();
        assertThat(validator.validate(new StatusLinkProperties(""))).isEmpty();
    }
}
