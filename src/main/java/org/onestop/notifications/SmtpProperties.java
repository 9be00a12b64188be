package org.onestop.notifications;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The mail server notices go through ({@code onestop.smtp.*}, usually {@code ONESTOP_SMTP_HOST} and friends).
 *
 * @param host the SMTP server; empty for none: e-mail notices then wait in the outbox
 * @param port its port
 * @param username the user to log in as; empty to send without logging in
 * @param password that user's password
 * @param starttls whether to upgrade the connection with STARTTLS
 */
@Validated
@ConfigurationProperties("onestop.smtp")
record SmtpProperties(String host, @DefaultValue("25") @Min(1) @Max(65535) int port, String username, String password,
                      @DefaultValue("false") boolean starttls) {

    SmtpProperties {
        host = host == null ? "" : host.strip();
        username = username == null ? "" : username;
        password = password == null ? "" : password;
    }

    /** Without the password, so that no log or failure message shows it. */
    @Override
    public String toString() {
        return "SmtpProperties[host=" + host + ", port=" + port + ", username=" + username
                + ", password=" + (password.isEmpty() ? "" : "***") + ", starttls=" + starttls + "]";
    }
}
