package org.onestop.notifications;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The SMS channel until the city picks an SMS gateway: it writes each text message to the log. */
@Component
class LogSmsChannel implements DeliveryChannel {

    private static final Logger log = LoggerFactory.getLogger(LogSmsChannel.class);

    @Override
    public String name() {
        return "sms";
    }

    @Override
    public boolean ready() {
        return true;
    }

    @Override
    public void deliver(Notification notice) {
        // Never the number or the text: logs are no place for a resident's personal data.
        log.info("SMS notice {} ({} characters) written to this log only: no SMS gateway is configured", notice.getId(),
                notice.getBody() == null ? 0 : notice.getBody().length());
    }
}
