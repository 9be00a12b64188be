package org.onestop.open311;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.onestop.shared.InvalidRequestException;
import org.onestop.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API keys for Open311 apps: issued per app by an administrator, revocable, stored as SHA-256 hashes only.
 * A key is 32 random bytes (URL-safe Base64) behind the prefix {@code os_}; it is returned once, by {@link #issue}.
 */
@Service
public class ApiKeyService {

    static final String PREFIX = "os_";
    static final int MAX_KEY_LENGTH = 100;
    /** The last-used time is written at most this often per key, so that busy apps do not write on every call. */
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final ApiKeys keys;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiKeyService(ApiKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** A new key and the only time its clear text exists outside the app. */
    public record IssuedKey(ApiKey key, String secret) {
    }

    @Transactional
    public IssuedKey issue(String appName, String contact, String by) {
        Map<String, String> errors = new LinkedHashMap<>();
        String app = appName == null ? "" : appName.strip();
        String mail = contact == null ? "" : contact.strip();
        if (app.isEmpty()) {
            errors.put("appName", "Enter the app's name");
        } else if (app.length() > 200) {
            errors.put("appName", "The app's name can be at most 200 characters");
        }
        if (mail.isEmpty()) {
            errors.put("contact", "Enter the e-mail address of the app's maintainer");
        } else if (mail.length() > 254 || !EMAIL.matcher(mail).matches()) {
            errors.put("contact", "Enter an e-mail address such as dev@example.org");
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiKey key = keys.save(new ApiKey(app, mail, hash(secret), secret.substring(0, 10), by, clock.instant()));
        return new IssuedKey(key, secret);
    }

    @Transactional
    public ApiKey revoke(long id, String by) {
        ApiKey key = keys.findById(id).orElseThrow(() -> new NotFoundException("no API key with id " + id));
        key.revoke(by, clock.instant());
        return key;
    }

    @Transactional(readOnly = true)
    public List<ApiKey> all() {
        return keys.findAllByOrderByRevokedAtAscAppNameAscIdAsc();
    }

    /** The active key with this clear text, noting its use; empty for a missing, unknown or revoked key. */
    @Transactional
    public Optional<ApiKey> authenticate(String secret) {
        if (secret == null || secret.isBlank() || secret.length() > MAX_KEY_LENGTH) {
            return Optional.empty();
        }
        Optional<ApiKey> key = keys.findByKeyHash(hash(secret.strip())).filter(k -> !k.isRevoked());
        key.ifPresent(k -> {
            Instant now = clock.instant();
            if (k.getLastUsedAt() == null || k.getLastUsedAt().plus(LAST_USED_RESOLUTION).isBefore(now)) {
                k.used(now);
            }
        });
        return key;
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
