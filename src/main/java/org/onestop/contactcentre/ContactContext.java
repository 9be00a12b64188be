package org.onestop.contactcentre;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import org.onestop.cases.Channel;

/**
 * The contact an agent is handling, carried from page to page (query parameters or hidden fields {@code channel},
 * {@code started} and {@code customer}) until its outcome is recorded: the handle time runs from {@code started}.
 * No server-side state, so any node serves the next page.
 *
 * @param channel how the customer reached us; null while no contact is in progress
 * @param started when the agent took the contact (an ISO instant, never in the future, at most {@link #MAX_AGE} ago)
 * @param customerId the caller, once found
 */
public record ContactContext(Channel channel, Instant started, Long customerId) {

    /** A contact older than this was left open rather than handled; its start is clamped to this. */
    public static final Duration MAX_AGE = Duration.ofHours(4);

    public static final ContactContext NONE = new ContactContext(null, null, null);

    /**
     * The contact described by the request's parameters; anything unreadable is ignored (a forged or stale parameter
     * never breaks a page), a start in the future is now, and one older than {@link #MAX_AGE} is clamped.
     */
    public static ContactContext of(String channel, String started, String customer, Clock clock) {
        Channel ch = null;
        if (channel != null && !channel.isBlank() && channel.length() <= 20) {
            try {
                ch = Channel.fromCode(channel);
            } catch (IllegalArgumentException e) {
                ch = null;
            }
        }
        Instant start = null;
        if (ch != null && started != null && !started.isBlank() && started.length() <= 40) {
            try {
                start = clamp(Instant.parse(started.trim()), clock);
            } catch (DateTimeParseException e) {
                start = null;
            }
        }
        if (ch != null && start == null) {
            start = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        }
        Long id = null;
        if (customer != null && customer.matches("\\d{1,18}")) {
            id = Long.valueOf(customer);
        }
        return new ContactContext(ch, start, id);
    }

    /** A new contact by this channel, starting now. */
    public static ContactContext start(Channel channel, Long customerId, Clock clock) {
        return new ContactContext(channel, clock.instant().truncatedTo(ChronoUnit.SECONDS), customerId);
    }

    static Instant clamp(Instant started, Clock clock) {
        Instant now = clock.instant();
        if (started.isAfter(now)) {
            return now.truncatedTo(ChronoUnit.SECONDS);
        }
        Instant oldest = now.minus(MAX_AGE);
        return started.isBefore(oldest) ? oldest.truncatedTo(ChronoUnit.SECONDS) : started;
    }

    public boolean inProgress() {
        return channel != null;
    }

    public String channelCode() {
        return channel == null ? null : channel.code();
    }

    public String startedIso() {
        return started == null ? null : started.toString();
    }

    public ContactContext withCustomer(Long id) {
        return new ContactContext(channel, started, id);
    }

    /** The same contact with no caller. */
    public ContactContext anonymous() {
        return new ContactContext(channel, started, null);
    }

    /** The contact's parameters appended to a path ("/console/knowledge?q=x" → "…&channel=phone&started=…"). */
    public String link(String path) {
        StringBuilder url = new StringBuilder(path);
        char sep = path.indexOf('?') >= 0 ? '&' : '?';
        if (channel != null) {
            url.append(sep).append("channel=").append(channel.code());
            sep = '&';
            url.append(sep).append("started=").append(URLEncoder.encode(started.toString(), StandardCharsets.UTF_8));
        }
        if (customerId != null) {
            url.append(sep).append("customer=").append(customerId);
        }
        return url.toString();
    }

    /** Minutes and seconds since the contact started, e.g. "3 min 05 s". */
    public String elapsed(Clock clock) {
        if (started == null) {
            return "";
        }
        long s = Math.max(0, Duration.between(started, clock.instant()).toSeconds());
        return String.format("%d min %02d s", s / 60, s % 60);
    }
}
