package org.onestop.selfservice;

import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Residents' own status links ({@code onestop.status-links.*}).
 *
 * @param secret the secret the links' keys are computed under, at least 32 characters; when not set (or blank), OneStop generates
 *               one at its first start and keeps it in the database (table {@code status_link_secret}). Changing it
 *               invalidates every link already sent.
 */
@Validated
@ConfigurationProperties("onestop.status-links")
public record StatusLinkProperties(@Size(min = 32, message = "must be at least 32 characters") String secret) {

    public StatusLinkProperties {
        // An empty ONESTOP_STATUS_LINKS_SECRET means "not configured".
        secret = secret == null || secret.isBlank() ? null : secret;
    }
}
