package org.onestop.notifications;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The SMS gateway text notices go through ({@code onestop.sms.*}, usually {@code ONESTOP_SMS_URL} and friends): any
 * provider with a Twilio-compatible "create a message" endpoint (an HTTP POST of the form fields {@code To},
 * {@code From} and {@code Body}, with HTTP Basic authentication).
 *
 * @param url the endpoint, e.g. {@code https://api.twilio.com/2010-04-01/Accounts/AC…/Messages.json}; empty for none:
 *            text notices are then not sent, and show as waiting and, after the last attempt, failed
 * @param username the account (Twilio: the account SID)
 * @param password its secret (Twilio: the auth token)
 * @param from the number (or sender id) the texts come from, e.g. {@code +12895550100}
 * @param countryCode the calling code added to numbers stored without one (ten digits in North America)
 */
@Validated
@ConfigurationProperties("onestop.sms")
record SmsProperties(String url, String username, String password, String from,
                     @DefaultValue("1") @Pattern(regexp = "[1-9][0-9]{0,2}", message = "must be a calling code such as 1 or 33") String countryCode) {

    SmsProperties {
        url = url == null ? "" : url.strip();
        username = username == null ? "" : username;
        password = password == null ? "" : password;
        from = from == null ? "" : from.strip();
    }

    boolean configured() {
        return !url.isEmpty();
    }

    @AssertTrue(message = "url must be an http(s) address, and from must be set with it")
    boolean isUsable() {
        return url.isEmpty() || (url.matches("https?://\\S+") && !from.isEmpty());
    }

    /** Without the password, so that no log or failure message shows it. */
    @Override
    public String toString() {
        return "SmsProperties[url=" + url + ", username=" + username + ", password=" + (password.isEmpty() ? "" : "***")
                + ", from=" + from + ", countryCode=" + countryCode + "]";
    }
}
