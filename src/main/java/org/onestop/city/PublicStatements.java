package org.onestop.city;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the city tells residents about their personal data and about the site's accessibility
 * ({@code onestop.statements.*}): the privacy and accessibility statements ({@code /privacy}, {@code /accessibility},
 * linked from every page's footer) and the notice of collection shown on every form that asks for personal data,
 * which says, as MFIPPA s. 29(2) asks, under what authority it is collected, what for, and who answers questions
 * about it. Plain text; a blank line separates paragraphs. Each has a generic text when it is not set, so that no
 * page is ever without one; a city sets its own (application.yaml: the City of Lakeport's). The same five in French
 * under {@code onestop.statements.fr.*} ({@link French}), shown when the page is in French; each has a generic French
 * text when it is not set.
 *
 * @param privacy the privacy statement
 * @param accessibility the accessibility statement
 * @param collectionAuthority the legal authority under which personal data is collected
 * @param collectionPurpose what the personal data is used for
 * @param collectionContact who answers questions about the collection: title, business address and telephone
 * @param fr the same texts in French
 */
@ConfigurationProperties("onestop.statements")
public record PublicStatements(String privacy, String accessibility, String collectionAuthority, String collectionPurpose,
                               String collectionContact, French fr) {

    /**
     * The statements in French ({@code onestop.statements.fr.*}), with the same meaning as the English ones.
     *
     * @param privacy the privacy statement, in French
     * @param accessibility the accessibility statement, in French
     * @param collectionAuthority the legal authority, in French
     * @param collectionPurpose what the personal data is used for, in French
     * @param collectionContact who answers questions about the collection, in French
     */
    public record French(String privacy, String accessibility, String collectionAuthority, String collectionPurpose,
                         String collectionContact) {

        static final String PRIVACY = "Nous ne recueillons que les renseignements personnels nécessaires au traitement de "
                + "votre demande, nous ne les utilisons qu’à cette fin et ne les conservons que le temps permis par les règles "
                + "de conservation de la municipalité. Votre nom, votre adresse courriel et votre numéro de téléphone "
                + "n’apparaissent jamais sur les pages publiques.";
        static final String ACCESSIBILITY = "Ces pages visent à respecter les Règles pour l’accessibilité des contenus Web "
                + "(WCAG) 2.1, niveau AA. Elles fonctionnent au clavier seulement, avec un lecteur d’écran, sans JavaScript et "
                + "sur petit écran. Si quelque chose ne fonctionne pas pour vous, veuillez en informer le service à la "
                + "clientèle de la municipalité.";
        static final String AUTHORITY = "le pouvoir de la municipalité de fournir les services que vous demandez";
        static final String PURPOSE = "pour traiter votre demande, communiquer avec vous à son sujet et vous informer des "
                + "changements de son état";
        static final String CONTACT = "le service à la clientèle de la municipalité (311)";

        public French {
            privacy = orElse(privacy, PRIVACY);
            accessibility = orElse(accessibility, ACCESSIBILITY);
            collectionAuthority = orElse(collectionAuthority, AUTHORITY);
            collectionPurpose = orElse(collectionPurpose, PURPOSE);
            collectionContact = orElse(collectionContact, CONTACT);
        }
    }

    static final String PRIVACY = "We collect only the personal information needed to handle your request, use it only "
            + "for that, and keep it only as long as the city's retention rules allow. We never show your name, e-mail "
            + "address or phone number on public pages.";
    static final String ACCESSIBILITY = "These pages aim to meet the Web Content Accessibility Guidelines (WCAG) 2.1, "
            + "level AA. They work with a keyboard alone, with screen readers, without JavaScript and on small screens. "
            + "If something does not work for you, please tell the city's customer service.";
    static final String AUTHORITY = "the municipality's authority to provide the services you ask for";
    static final String PURPOSE = "to handle your request, to contact you about it and to tell you when its status changes";
    static final String CONTACT = "the city's customer service (311)";

    public PublicStatements {
        privacy = orElse(privacy, PRIVACY);
        accessibility = orElse(accessibility, ACCESSIBILITY);
        collectionAuthority = orElse(collectionAuthority, AUTHORITY);
        collectionPurpose = orElse(collectionPurpose, PURPOSE);
        collectionContact = orElse(collectionContact, CONTACT);
        fr = fr == null ? new French(null, null, null, null, null) : fr;
    }

    /** The statements in a page's language: the French ones for French, these for anything else. */
    public PublicStatements in(Locale locale) {
        return locale != null && "fr".equals(locale.getLanguage())
                ? new PublicStatements(fr.privacy(), fr.accessibility(), fr.collectionAuthority(), fr.collectionPurpose(),
                fr.collectionContact(), fr)
                : this;
    }

    /** The privacy statement's paragraphs. */
    public List<String> privacyParagraphs() {
        return paragraphs(privacy);
    }

    /** The accessibility statement's paragraphs. */
    public List<String> accessibilityParagraphs() {
        return paragraphs(accessibility);
    }

    private static List<String> paragraphs(String text) {
        return Arrays.stream(text.replace("\r\n", "\n").split("\\n\\s*\\n")).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
