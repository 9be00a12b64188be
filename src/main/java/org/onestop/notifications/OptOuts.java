package org.onestop.notifications;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

import org.onestop.customers.Customer;
import org.onestop.customers.Customers;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Residents' opt-out: every customer who gets notices has a link of their own ({@code /notices/opt-out/{token}}) to
 * stop them, and to start them again. An opted-out customer gets no further automatic notice.
 */
@Service
public class OptOuts {

    /** Tokens are 32 random bytes, URL-safe Base64 without padding. */
    static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final NoticeSubscriptions subscriptions;
    private final Customers customers;
    private final Clock clock;

    OptOuts(NoticeSubscriptions subscriptions, Customers customers, Clock clock) {
        this.subscriptions = subscriptions;
        this.customers = customers;
        this.clock = clock;
    }

    /** The customer's opt-out token, made the first time it is needed. */
    @Transactional
    public String tokenFor(Long customerId) {
        return subscriptions.findById(customerId)
                .orElseGet(() -> subscriptions.save(new NoticeSubscription(customerId, newToken(), clock.instant())))
                .getToken();
    }

    @Transactional(readOnly = true)
    public boolean optedOut(Long customerId) {
        return subscriptions.findById(customerId).map(NoticeSubscription::isOptedOut).orElse(false);
    }

    /** What the opt-out page shows for a token: whose notices (a masked address) and whether they are stopped. */
    record Subscription(String token, String maskedAddress, boolean optedOut) {
    }

    @Transactional(readOnly = true)
    Optional<Subscription> find(String token) {
        return lookUp(token).map(s -> new Subscription(s.getToken(),
                customers.findById(s.getCustomerId()).map(OptOuts::masked).orElse(null), s.isOptedOut()));
    }

    /** Stops ({@code true}) or restarts ({@code false}) the customer's notices; empty for an unknown token. */
    @Transactional
    Optional<Subscription> set(String token, boolean optOut) {
        lookUp(token).ifPresent(s -> s.optOut(optOut, clock.instant()));
        return find(token);
    }

    private Optional<NoticeSubscription> lookUp(String token) {
        return token == null || !TOKEN.matcher(token).matches() ? Optional.empty() : subscriptions.findByToken(token);
    }

    /** {@code j•••@example.org} or {@code •••• 0101}: enough to recognise, not enough to learn it. */
    static String masked(Customer customer) {
        if (customer.getEmail() != null && customer.getEmail().contains("@")) {
            String email = customer.getEmail();
            return email.charAt(0) + "•••" + email.substring(email.indexOf('@'));
        }
        if (customer.getPhone() != null) {
            String digits = customer.getPhone().replaceAll("\\D", "");
            return digits.length() >= 4 ? "•••• " + digits.substring(digits.length() - 4) : null;
        }
        return null;
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
