package org.onestop.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every text residents read has its French: each key of the pages' messages, and each deployed service's name,
 * description, keywords and start-form label, hint and option, and the name of each task that makes its cases wait
 * for the resident (from {@code bpmn/<code>.fr.properties} beside its model).
 */
class FrenchTextsTest extends IntegrationTest {

    @Autowired
    ServiceCatalogue catalogue;

    @Test
    void everyMessageOfThePagesHasItsFrench() throws IOException {
        Properties english = load("i18n/messages.properties");
        Properties french = load("i18n/messages_fr.properties");
        List<String> missing = new ArrayList<>();
        for (String key : new TreeSet<>(english.stringPropertyNames())) {
            String text = french.getProperty(key);
            if (text == null || text.isBlank()) {
                missing.add(key);
            }
        }
        assertThat(missing).as("message keys with no French in messages_fr.properties").isEmpty();
        assertThat(new TreeSet<>(french.stringPropertyNames())).as("French keys that English does not have")
                .isSubsetOf(english.stringPropertyNames());
    }

    @Test
    void everyDeployedServiceHasItsNameDescriptionKeywordsAndQuestionsInFrench() {
        List<String> missing = new ArrayList<>();
        assertThat(catalogue.services()).hasSizeGreaterThanOrEqualTo(18);
        for (ServiceDefinition service : catalogue.services()) {
            for (String key : ServiceTexts.keysFor(service)) {
                String text = service.french().get(key);
                if (text == null || text.isBlank()) {
                    missing.add("bpmn/" + service.code() + ServiceTexts.SUFFIX + ": " + key);
                }
            }
        }
        assertThat(missing).as("texts with no French").isEmpty();
    }

    /** A task that makes the case wait for the resident is named to them (status page, notice): its name has French too. */
    @Test
    void everyTaskResidentsReadByNameHasItsFrench() {
        List<String> missing = new ArrayList<>();
        int tasks = 0;
        for (ServiceDefinition service : catalogue.services()) {
            for (String id : catalogue.residentTasks(service).keySet()) {
                tasks++;
                String text = service.french().get(ServiceTexts.taskKey(id));
                if (text == null || text.isBlank()) {
                    missing.add("bpmn/" + service.code() + ServiceTexts.SUFFIX + ": " + ServiceTexts.taskKey(id));
                }
            }
        }
        assertThat(tasks).as("tasks that make a case wait for the resident (complaint, noise, property standards)").isGreaterThanOrEqualTo(3);
        assertThat(missing).as("task names residents read, with no French").isEmpty();
        String english = "Contact complainant for more information";
        assertThat(catalogue.residentTasks(catalogue.find("noise-complaint").orElseThrow())).containsEntry("Task_ContactComplainant", english);
        assertThat(catalogue.taskName("noise-complaint", english, java.util.Locale.CANADA_FRENCH))
                .isEqualTo("Communiquer avec le plaignant pour obtenir plus de renseignements");
        assertThat(catalogue.taskName("noise-complaint", english, java.util.Locale.ENGLISH)).isEqualTo(english);
        assertThat(catalogue.taskName("noise-complaint", "A task it does not have", java.util.Locale.FRENCH)).isEqualTo("A task it does not have");
    }

    @Test
    void aServiceReadsInFrenchWithItsQuestionsAndKeepsItsCodesAndValues() {
        ServiceDefinition pothole = catalogue.find("pothole").orElseThrow();
        ServiceDefinition nid = pothole.in(java.util.Locale.CANADA_FRENCH);
        assertThat(nid.name()).isEqualTo("Nid-de-poule ou défaut de la chaussée");
        assertThat(nid.code()).isEqualTo("pothole");
        FormField size = nid.questions().fields().stream().filter(f -> f.key().equals("size")).findFirst().orElseThrow();
        assertThat(size.label()).isEqualTo("Quelle est sa taille?");
        assertThat(size.values()).extracting(FormField.Option::value).containsExactly("small", "medium", "large");
        assertThat(size.values().get(0).label()).isEqualTo("Plus petit qu’une assiette");
        assertThat(pothole.in(java.util.Locale.ENGLISH)).isSameAs(pothole);
        assertThat(catalogue.match("nid-de-poule", true)).extracting(ServiceDefinition::code).first().isEqualTo("pothole");
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = FrenchTextsTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
