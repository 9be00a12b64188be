package org.onestop.web;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The staff API ({@code onestop.api.*}).
 *
 * @param maxBodyBytes the largest request body {@code /api} reads; a larger one is a 400 that says so
 */
@Validated
@ConfigurationProperties("onestop.api")
record ApiProperties(@DefaultValue("1048576") @Positive long maxBodyBytes) {
}
