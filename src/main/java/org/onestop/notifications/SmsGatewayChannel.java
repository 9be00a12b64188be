package org.onestop.notifications;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends text notices through the city's SMS gateway ({@link SmsProperties}): one form POST per notice; any 2xx answer
 * is a delivery, anything else (or no answer within the time-outs) a failed attempt the outbox retries. Without a
 * gateway the channel is not ready: text notices are not sent and the outbox shows them waiting, then failed.
 */
@Component
class SmsGatewayChannel implements DeliveryChannel {

    private static final Logger log = LoggerFactory.getLogger(SmsGatewayChannel.class);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);

    private final SmsProperties sms;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();

    SmsGatewayChannel(SmsProperties sms) {
        this.sms = sms;
        if (!sms.configured()) {
            log.warn("No SMS gateway configured (ONESTOP_SMS_URL): text notices are not sent");
        }
    }

    @Override
    public String name() {
        return "sms";
    }

    @Override
    public boolean ready() {
        return sms.configured();
    }

    @Override
    public void deliver(Notification notice) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("To", international(notice.getRecipient()));
        form.put("From", sms.from());
        form.put("Body", notice.getBody());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sms.url())).timeout(ANSWER_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                // The gateway may use it to drop a re-delivery of the same notice (delivery is at-least-once).
                .header("Idempotency-Key", "notice-" + notice.getId())
                .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"))));
        if (!sms.username().isEmpty()) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (sms.username() + ":" + sms.password()).getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<Void> answer = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
        if (answer.statusCode() / 100 != 2) {
            // Not the gateway's body: it may repeat the number.
            throw new IOException("the SMS gateway answered " + answer.statusCode());
        }
    }

    /**
     * E.164 ({@code +19055550199}) from what the outbox holds (digits, with or without the calling code), by Google's
     * libphonenumber for the configured calling code's region; what it cannot parse goes out as the digits behind
     * the calling code, and the gateway says whether it is a number.
     */
    String international(String recipient) {
        PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
        String region = phones.getRegionCodeForCountryCode(Integer.parseInt(sms.countryCode()));
        try {
            Phonenumber.PhoneNumber number = phones.parse(recipient, region);
            number.clearExtension();
            return phones.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            return "+" + sms.countryCode() + recipient.replaceAll("[^0-9]", "");
        }
    }
}
