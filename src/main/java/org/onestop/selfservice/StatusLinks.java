package org.onestop.selfservice;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The resident's own link to their case, {@code /status/{reference}?key=…}: the key is the first 128 bits of an
 * HMAC-SHA256 of the reference under the city's secret (base64url, 22 characters). A reference alone, known or
 * guessed, shows only the service, the status and the expected date; the key shows the rest of what is public about
 * the case. Nothing is stored per case: any later notice computes the same key again.
 * <p>
 * A photo of a public case has a key of its own ({@link #photoPath}), for apps that read Open311's {@code media_url}:
 * it opens that picture and nothing else (not the page, not "it is not fixed").
 */
@Component
public class StatusLinks {

    private static final String HMAC = "HmacSHA256";
    static final int KEY_LENGTH = 22;

    private final SecretKeySpec secret;

    StatusLinks(StatusLinkProperties properties, JdbcTemplate jdbc, Clock clock) {
        byte[] bytes = properties.secret() != null ? properties.secret().getBytes(StandardCharsets.UTF_8)
                : StatusLinkSecret.loadOrCreate(jdbc, clock);
        this.secret = new SecretKeySpec(bytes, HMAC);
    }

    /** The key of a case's own link. */
    public String key(String reference) {
        return sign("status-link\n" + reference);
    }

    /** The resident's own link to the case, relative to the public URL. */
    public String path(String reference) {
        return "/status/" + reference + "?key=" + key(reference);
    }

    /** The address of one photo of a public case, opening that photo only. */
    public String photoPath(String reference, long photoId) {
        return "/status/" + reference + "/photos/" + photoId + "?key=" + sign("status-photo\n" + reference + "\n" + photoId);
    }

    /** Whether the key given is the case's own key; compared in constant time. */
    boolean opens(String reference, String given) {
        return matches(key(reference), given);
    }

    /** Whether the key given opens this photo: the case's own key, or the photo's. */
    boolean opensPhoto(String reference, long photoId, String given) {
        return opens(reference, given) | matches(sign("status-photo\n" + reference + "\n" + photoId), given);
    }

    private static boolean matches(String expected, String given) {
        if (given == null || given.length() != KEY_LENGTH) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII));
    }

    private String sign(String message) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(secret);
            byte[] full = mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(full, 16));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
