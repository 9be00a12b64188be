package org.onestop.city;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where OneStop is reached, for the links it sends ({@code onestop.base-url}, {@code onestop.public-url}); both
 * without a trailing slash.
 *
 * @param baseUrl where staff reach OneStop: links in staff e-mails, Open311's discovery and {@code Location}
 * @param publicUrl where residents reach OneStop: the links in their notices (status, survey, opt-out) and photos'
 *                  public addresses; the base URL when not set
 */
@Validated
@ConfigurationProperties("onestop")
public record SiteUrls(@DefaultValue("http://localhost:8080") @NotNull @Pattern(regexp = SiteUrls.URL, message = SiteUrls.URL_MESSAGE) String baseUrl,
                       @Pattern(regexp = SiteUrls.URL, message = SiteUrls.URL_MESSAGE) String publicUrl) {

    static final String URL = "https?://[^\\s/?#]+(/[^\\s?#]*)?";
    static final String URL_MESSAGE = "must be an http or https address such as https://311.lakeport.example, without query";

    public SiteUrls {
        baseUrl = withoutTrailingSlash(baseUrl);
        publicUrl = publicUrl == null || publicUrl.isBlank() ? baseUrl : withoutTrailingSlash(publicUrl);
    }

    private static String withoutTrailingSlash(String url) {
        return url == null ? null : url.strip().replaceAll("/+$", "");
    }
}
