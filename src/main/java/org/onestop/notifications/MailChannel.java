package org.onestop.notifications;

import java.util.Properties;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Delivers notices by e-mail over SMTP ({@code ONESTOP_SMTP_HOST} and friends). Without a host, notices wait in the
 * outbox. Each message carries a Message-ID derived from the notice, so a receiving server can drop a re-delivery.
 */
@Component
class MailChannel implements DeliveryChannel {

    private static final Logger log = LoggerFactory.getLogger(MailChannel.class);

    private final JavaMailSenderImpl mail;
    private final String from;
    private final String domain;

    MailChannel(SmtpProperties smtp, NotificationProperties settings) throws Exception {
        this.from = settings.from();
        this.domain = new InternetAddress(from).getAddress().replaceAll(".*@", "");
        if (smtp.host().isEmpty()) {
            this.mail = null;
            log.warn("No SMTP server configured (ONESTOP_SMTP_HOST): e-mail notices wait in the outbox");
            return;
        }
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(smtp.host());
        sender.setPort(smtp.port());
        if (!smtp.username().isBlank()) {
            sender.setUsername(smtp.username());
            sender.setPassword(smtp.password());
        }
        Properties properties = sender.getJavaMailProperties();
        properties.put("mail.smtp.auth", String.valueOf(!smtp.username().isBlank()));
        properties.put("mail.smtp.starttls.enable", String.valueOf(smtp.starttls()));
        properties.put("mail.smtp.connectiontimeout", "5000");
        properties.put("mail.smtp.timeout", "10000");
        properties.put("mail.smtp.writetimeout", "10000");
        this.mail = sender;
    }

    @Override
    public String name() {
        return "email";
    }

    @Override
    public boolean ready() {
        return mail != null;
    }

    @Override
    public void deliver(Notification notice) throws Exception {
        MimeMessage message = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
        helper.setFrom(from);
        helper.setTo(notice.getRecipient());
        helper.setSubject(notice.getSubject());
        helper.setText(notice.getBody(), false);
        message.saveChanges();
        message.setHeader("Message-ID", "<notice-" + notice.getId() + "@" + domain + ">");
        mail.send(message);
    }
}
