package org.onestop.notifications;

import java.time.Duration;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The outbox and its sender ({@code onestop.notifications.*}).
 *
 * @param from the notices' sender, e.g. {@code City of Lakeport <noreply@lakeport.example>}; its domain also names
 *             each message's Message-ID
 * @param poll how often each node looks for notices to send
 * @param batchSize notices sent per look
 * @param maxAttempts attempts before a notice is given up and marked failed
 * @param retryBackoff the wait before the first retry; it doubles with each failed attempt (up to 1024 times)
 * @param lease how long a node's claim on a notice holds: a notice claimed by a node that stopped mid-batch is sent
 *              again after it, so it must be well above the time one delivery takes (the SMTP time-outs are 5 + 10 s)
 * @param scheduled whether this node sends the outbox on its own (tests turn it off and deliver themselves)
 */
@Validated
@ConfigurationProperties("onestop.notifications")
record NotificationProperties(@DefaultValue("OneStop <noreply@onestop.invalid>") @NotBlank String from,
                              @DefaultValue("PT10S") @NotNull @DurationMin(seconds = 1) Duration poll,
                              @DefaultValue("50") @Min(1) @Max(1000) int batchSize,
                              @DefaultValue("8") @Min(1) @Max(100) int maxAttempts,
                              @DefaultValue("PT1M") @NotNull @DurationMin(seconds = 1) Duration retryBackoff,
                              @DefaultValue("PT1M") @NotNull @DurationMin(minutes = 1) Duration lease,
                              @DefaultValue("true") boolean scheduled) {

    @AssertTrue(message = "from must be an e-mail address, such as City of Lakeport <noreply@lakeport.example>")
    boolean isFromAnAddress() {
        if (from == null) {
            return true;
        }
        try {
            new InternetAddress(from, true).validate();
            return true;
        } catch (AddressException e) {
            return false;
        }
    }
}
