package org.onestop.contactcentre;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.onestop.catalogue.ServiceCatalogue;
import org.onestop.catalogue.ServiceDefinition;
import org.onestop.web.PageTexts;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;

/**
 * The console in the agent's language (English or French, see {@code web/Languages}): its own sentences from the
 * {@code console.*} messages, a service's name from the catalogue in that language, and the field messages other
 * modules word in English (the customer rules, the answer validator, the caller search) in the same language. The
 * templates reach it as {@code @consoleTexts}.
 */
@Component("consoleTexts")
public class ConsoleTexts {

    /**
     * In order (the first that matches wins): the English field messages of other modules (customers' rules, catalogue's answer validator, the case's
     * constraints, the caller search) and the key of the same message in the console's texts; groups become {0}, {1}.
     */
    private static final Map<Pattern, String> FOREIGN = foreign();

    private final PageTexts texts;
    private final ServiceCatalogue catalogue;

    ConsoleTexts(PageTexts texts, ServiceCatalogue catalogue) {
        this.texts = texts;
        this.catalogue = catalogue;
    }

    /** The text of a console message in the request's language. */
    public String get(String key, Object... args) {
        return texts.get(key, args);
    }

    public Locale locale() {
        return texts.locale();
    }

    public boolean french() {
        return texts.french();
    }

    /** The service as the agent reads it: its French texts on a French page, else the model's English. */
    public ServiceDefinition in(ServiceDefinition service) {
        return service == null ? null : service.in(texts.locale());
    }

    /** A service's name in the request's language, by its code; the name given (or the code) if the catalogue has none. */
    public String service(String code, String name) {
        if (code == null) {
            return name;
        }
        return catalogue.find(code).map(s -> s.in(texts.locale()).name()).orElse(name == null ? code : name);
    }

    /** A case status code ("in_progress") as the console names it ("in progress", « en cours »). */
    public String status(String code) {
        return code == null ? "" : known("console.status." + code, code);
    }

    /** A channel code ("walk-in") as the console names it. */
    public String channel(String code) {
        return code == null ? "" : known("console.channel." + code, code);
    }

    /** How a case or a caller came ("by phone", « en personne »), by the channel's code. */
    public String via(String code) {
        return code == null ? "" : known("console.via." + code, code);
    }

    /** The message for a key made from data, or the data itself when no message has that key. */
    private String known(String key, String otherwise) {
        try {
            return texts.get(key);
        } catch (NoSuchMessageException e) {
            return otherwise;
        }
    }

    /**
     * A field message worded in English by another module, in the request's language. A message this list does not
     * know stays as it is in English, and reads "n’est pas valide" in French.
     */
    public String field(String message) {
        if (message == null) {
            return null;
        }
        for (Map.Entry<Pattern, String> known : FOREIGN.entrySet()) {
            Matcher m = known.getKey().matcher(message);
            if (m.matches()) {
                Object[] args = new Object[m.groupCount()];
                for (int i = 0; i < args.length; i++) {
                    args[i] = m.group(i + 1);
                }
                return texts.get(known.getValue(), args);
            }
        }
        return texts.french() ? texts.get("console.error.invalid") : message;
    }

    /** Every message of a field → message map, in the request's language. */
    public Map<String, String> fields(Map<String, String> errors) {
        Map<String, String> translated = new LinkedHashMap<>();
        errors.forEach((field, message) -> translated.put(field, field(message)));
        return translated;
    }

    private static Map<Pattern, String> foreign() {
        Map<Pattern, String> known = new LinkedHashMap<>();
        known.put(Pattern.compile("is required"), "console.error.required");
        known.put(Pattern.compile("must be at most (\\d+) characters"), "console.error.maxChars");
        known.put(Pattern.compile("must be at least (\\d+) characters"), "console.error.minChars");
        known.put(Pattern.compile("must be a number"), "console.error.number");
        known.put(Pattern.compile("must be at least (-?[\\d.]+)"), "console.error.atLeast");
        known.put(Pattern.compile("must be at most (-?[\\d.]+)"), "console.error.atMost");
        known.put(Pattern.compile("must be between (-?\\d+) and (-?\\d+)"), "console.error.between");
        known.put(Pattern.compile("must be one of (.+)"), "console.error.oneOf");
        known.put(Pattern.compile("must be true or false"), "console.error.trueFalse");
        known.put(Pattern.compile("must be a single value"), "console.error.single");
        known.put(Pattern.compile("must be a date like (\\S+)"), "console.error.date");
        known.put(Pattern.compile("must be a time like (\\S+)"), "console.error.time");
        known.put(Pattern.compile("must be a date and time like (\\S+)"), "console.error.dateTime");
        known.put(Pattern.compile("is not in the expected format"), "console.error.format");
        known.put(Pattern.compile("is not a question of this service"), "console.error.notAQuestion");
        known.put(Pattern.compile("must be an e-mail address"), "console.error.email");
        known.put(Pattern.compile("must be a phone number"), "console.error.phone");
        known.put(Pattern.compile("must have 7 to 15 digits, e\\.g\\. (.+)"), "console.error.phoneDigits");
        known.put(Pattern.compile("is required when the customer prefers e-mail"), "console.error.prefers.email");
        known.put(Pattern.compile("is required when the customer prefers text messages"), "console.error.prefers.sms");
        known.put(Pattern.compile("is required when the customer prefers phone calls"), "console.error.prefers.phone");
        known.put(Pattern.compile("is required when the customer prefers letters"), "console.error.prefers.mail");
        known.put(Pattern.compile("someone else changed this customer while you were editing; check their details below and save again"),
                "console.error.changed");
        known.put(Pattern.compile("someone else changed this customer since the page was shown; check the details below and choose again"),
                "console.error.changedSince");
        known.put(Pattern.compile(Pattern.quote(ConsoleCustomerPages.PREFERENCE_ERROR)), "console.form.error.preference");
        known.put(Pattern.compile("Type a phone number, e-mail address, name or address\\."), "console.search.empty");
        known.put(Pattern.compile("Type at least two letters of a name or address, seven digits of a phone number, or an e-mail address\\."),
                "console.search.short");
        return java.util.Collections.unmodifiableMap(known);
    }
}
