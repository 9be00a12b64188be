package org.onestop.notifications;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

import org.onestop.customers.Customer;
import org.onestop.customers.CustomerService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Residents' opt-out: every notice has a link of the customer's own ({@code /notices/opt-out/{token}}) to stop their
 * notices, and to start them again. An opted-out customer gets no further automatic notice. Each notice gets a new
 * token and only its SHA-256 is stored, so the database alone opens no one's link; every link sent keeps working.
 */
@Service
public class OptOuts {

    /** Tokens are 32 random bytes, URL-safe Base64 without padding. */
    static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final NoticeSubscriptions subscriptions;
    private final NoticeTokens tokens;
    private final CustomerService customers;
    private final Clock clock;

    OptOuts(NoticeSubscriptions subscriptions, NoticeTokens tokens, CustomerService customers, Clock clock) {
        this.subscriptions = subscriptions;
        this.tokens = tokens;
        this.customers = customers;
        this.clock = clock;
    }

    /** A new token for the opt-out link of a notice to the customer (only its hash is kept). */
    @Transactional
    public String tokenFor(Long customerId) {
        String token = newToken();
        tokens.save(new NoticeToken(hash(token), customerId, clock.instant()));
        return token;
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
        return lookUp(token).map(customerId -> new Subscription(token,
                customers.find(customerId).map(OptOuts::masked).orElse(null), optedOut(customerId)));
    }

    /** Stops ({@code true}) or restarts ({@code false}) the customer's notices; empty for an unknown token. */
    @Transactional
    Optional<Subscription> set(String token, boolean optOut) {
        lookUp(token).ifPresent(customerId -> subscriptions.findById(customerId)
                .orElseGet(() -> subscriptions.save(new NoticeSubscription(customerId, clock.instant())))
                .optOut(optOut, clock.instant()));
        return find(token);
    }

    /** The customer whose link this is. */
    private Optional<Long> lookUp(String token) {
        return token == null || !TOKEN.matcher(token).matches() ? Optional.empty()
                : tokens.findById(hash(token)).map(NoticeToken::getCustomerId);
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

    /** Lower-case hex SHA-256, as stored in {@code notice_token.token_hash}. */
    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
