package org.onestop.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The sentences that pages build in Java (errors, titles), from the same messages as the templates, in the language of
 * the request being answered (see {@link Languages}).
 */
@Component
public class PageTexts {

    private final MessageSource messages;

    PageTexts(MessageSource messages) {
        this.messages = messages;
    }

    /** The text for a key in the current request's language. */
    public String get(String key, Object... args) {
        return messages.getMessage(key, args, locale());
    }

    /** The text for a key in a given language (a notice, outside any request). */
    public String in(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    /**
     * A date or time in the current request's language, by the pattern a message key holds (e.g. {@code staff.date.time}:
     * "Sat 28 Nov 2026, 14:30", "sam. 28 nov. 2026, 14 h 30").
     */
    public String date(String patternKey, java.time.temporal.TemporalAccessor value) {
        return java.time.format.DateTimeFormatter.ofPattern(get(patternKey), locale()).format(value);
    }

    /**
     * A field message a service shared with the API wrote in English ("must not be before startsOn"), in the current
     * request's language: the text of the key whose English the message begins with (the longest such beginning);
     * the message as it is if none.
     */
    public String known(String message, java.util.Map<String, String> keysByEnglish) {
        return keysByEnglish.entrySet().stream().filter(k -> message.startsWith(k.getKey()))
                .max(java.util.Comparator.comparingInt(k -> k.getKey().length()))
                .map(k -> get(k.getValue())).orElse(message);
    }

    /** Whether the current request is answered in French. */
    public boolean french() {
        return Languages.FRENCH.getLanguage().equals(locale().getLanguage());
    }

    public Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
