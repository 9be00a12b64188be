package org.onestop.webhooks;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The webhooks' sender ({@code onestop.webhooks.*}).
 *
 * @param poll           how often each node looks for deliveries to send
 * @param batchSize      deliveries sent per look
 * @param maxAttempts    attempts before a delivery is given up and marked failed
 * @param retryBackoff   the wait before the first retry; it doubles with each failed attempt (up to 1024 times)
 * @param lease          how long a node's claim on a delivery holds; above one attempt's longest time (connect + read)
 * @param connectTimeout the longest wait for the subscriber's server to accept the connection
 * @param readTimeout    the longest wait for its answer once the request is sent
 * @param scheduled      whether this node sends on its own (tests turn it off and send themselves)
 */
@Validated
@ConfigurationProperties("onestop.webhooks")
record WebhookProperties(@DefaultValue("PT10S") @NotNull @DurationMin(seconds = 1) Duration poll,
                         @DefaultValue("20") @Min(1) @Max(500) int batchSize,
                         @DefaultValue("8") @Min(1) @Max(50) int maxAttempts,
                         @DefaultValue("PT30S") @NotNull @DurationMin(seconds = 1) Duration retryBackoff,
                         @DefaultValue("PT1M") @NotNull @DurationMin(seconds = 30) Duration lease,
                         @DefaultValue("PT5S") @NotNull @DurationMin(millis = 100) @DurationMax(minutes = 1) Duration connectTimeout,
                         @DefaultValue("PT10S") @NotNull @DurationMin(millis = 100) @DurationMax(minutes = 1) Duration readTimeout,
                         @DefaultValue("true") boolean scheduled) {
}
