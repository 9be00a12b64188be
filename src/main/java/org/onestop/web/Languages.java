package org.onestop.web;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * English and French on the pages: {@code ?lang=fr} or {@code ?lang=en} chooses (and a cookie keeps the choice), else
 * the browser's Accept-Language (fr, fr-CA… → French), else English. Only these two: any other tag is English.
 * Texts come from {@code i18n/messages.properties} and {@code i18n/messages_fr.properties} (spring.messages).
 */
@Configuration(proxyBeanMethods = false)
public class Languages implements WebMvcConfigurer {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale FRENCH = Locale.FRENCH;
    public static final List<Locale> SUPPORTED = List.of(ENGLISH, FRENCH);
    static final String PARAMETER = "lang";
    static final String COOKIE = "lang";

    /** The supported language nearest to a tag ("fr-CA" → French), or null for anything else. */
    public static Locale supported(String tag) {
        if (tag == null || tag.isBlank() || tag.length() > 35) {
            return null;
        }
        String language = Locale.forLanguageTag(tag.strip().replace('_', '-')).getLanguage();
        return "fr".equals(language) ? FRENCH : "en".equals(language) ? ENGLISH : null;
    }

    /** A language as stored on a customer ("fr", "en"): French for "fr", English for anything else. */
    public static Locale of(String language) {
        return "fr".equals(language) ? FRENCH : ENGLISH;
    }

    private final CookieLocaleResolver resolver = cookieResolver();

    @Bean
    LocaleResolver localeResolver() {
        return resolver;
    }

    private static CookieLocaleResolver cookieResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver(COOKIE) {
            @Override
            public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
                Locale language = locale == null ? null : supported(locale.toLanguageTag());
                super.setLocale(request, response, language == null ? ENGLISH : language);
            }
        };
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        resolver.setRejectInvalidCookies(true);
        resolver.setDefaultLocaleFunction(Languages::fromHeader);
        return resolver;
    }

    /** The first of the browser's languages that we support, in its order of preference; English if none. */
    static Locale fromHeader(HttpServletRequest request) {
        if (request.getHeader("Accept-Language") == null) {
            return ENGLISH;
        }
        for (Locale locale : Collections.list(request.getLocales())) {
            Locale language = supported(locale.toLanguageTag());
            if (language != null) {
                return language;
            }
        }
        return ENGLISH;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                String asked = request.getParameter(PARAMETER);
                Locale language = supported(asked);
                if (language != null) {
                    resolver.setLocale(request, response, language);
                }
                return true;
            }
        });
    }
}
