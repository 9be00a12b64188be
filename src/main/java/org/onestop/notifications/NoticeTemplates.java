package org.onestop.notifications;

import java.util.Map;

import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The residents' notices as Thymeleaf TEXT templates: {@code templates/mail/resident/<milestone>.txt} (first line
 * {@code Subject: ...}, a blank line, then the body) and {@code templates/mail/resident/sms/<milestone>.txt} (one short
 * text). A template engine of its own, so the pages' HTML engine stays as Spring Boot configures it.
 */
@Component
class NoticeTemplates {

    record Message(String subject, String body) {
    }

    private final SpringTemplateEngine engine = new SpringTemplateEngine();

    NoticeTemplates() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setSuffix(".txt");
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine.setTemplateResolver(resolver);
    }

    /** An e-mail: the template's first line is the subject. */
    Message email(String template, Map<String, Object> variables) {
        return email(template, variables, false);
    }

    /**
     * An e-mail in the customer's language: French from {@code templates/mail/resident/fr/<milestone>.txt} (and
     * {@code fr/sms/}), English otherwise.
     */
    Message email(String template, Map<String, Object> variables, boolean french) {
        String text = render("resident/" + (french ? "fr/" : "") + template, variables);
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        if (!first.startsWith("Subject:")) {
            throw new IllegalStateException("template mail/resident/" + template + ".txt must start with a Subject: line");
        }
        String body = end < 0 ? "" : text.substring(end + 1).replaceFirst("^\\s*\\n", "");
        return new Message(first.substring("Subject:".length()).strip(), body);
    }

    /** A text message: the whole template, on one line. */
    String sms(String template, Map<String, Object> variables) {
        return sms(template, variables, false);
    }

    /** A text message in the customer's language. */
    String sms(String template, Map<String, Object> variables, boolean french) {
        return render("resident/" + (french ? "fr/" : "") + "sms/" + template, variables).strip().replaceAll("\\s+", " ");
    }

    private String render(String template, Map<String, Object> variables) {
        Context context = new Context();
        context.setVariables(variables);
        return engine.process(template, context);
    }
}
