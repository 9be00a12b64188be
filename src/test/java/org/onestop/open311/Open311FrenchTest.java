package org.onestop.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onestop.open311.Open311Client.children;
import static org.onestop.open311.Open311Client.json;
import static org.onestop.open311.Open311Client.text;
import static org.onestop.open311.Open311Client.xml;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Element;

/**
 * Open311 in French: GeoReport v2's {@code locale} parameter ({@code fr}, {@code fr_CA}) or the client's
 * Accept-Language ({@code fr-CA}) gives the services list, a service's definition and the requests with French
 * service names, descriptions, keywords, groups, attributes and status notes; anything else is English.
 */
class Open311FrenchTest extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    ApiKeyService apiKeys;

    private Open311Client client;

    @BeforeEach
    void client() {
        client = new Open311Client(port);
    }

    private static JsonNode service(JsonNode services, String code) {
        return StreamSupport.stream(services.spliterator(), false).filter(s -> s.get("service_code").asText().equals(code))
                .findFirst().orElseThrow();
    }

    private static JsonNode attribute(JsonNode definition, String code) {
        return StreamSupport.stream(definition.get("attributes").spliterator(), false)
                .filter(a -> a.get("code").asText().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void theServicesListIsInFrenchByLocaleOrAcceptLanguageAndInEnglishOtherwise() throws Exception {
        HttpResponse<String> byLocale = client.get("services.json?locale=fr");
        assertThat(byLocale.headers().firstValue("Content-Language")).contains("fr");
        JsonNode pothole = service(json(byLocale), "pothole");
        assertThat(pothole.get("service_name").asText()).isEqualTo("Nid-de-poule ou défaut de la chaussée");
        assertThat(pothole.get("description").asText()).startsWith("Signalez un nid-de-poule");
        assertThat(pothole.get("keywords").asText()).startsWith("nid-de-poule,nids-de-poule,trou");
        assertThat(pothole.get("group").asText()).isEqualTo("Routes");
        assertThat(service(json(byLocale), "missed-collection").get("group").asText()).isEqualTo("Matières résiduelles");

        // The locale as Java and POSIX write it, and a browser-like Accept-Language: French too.
        assertThat(service(json(client.get("services.json?locale=fr_CA")), "pothole").get("group").asText()).isEqualTo("Routes");
        Element xmlService = children(xml(client.get("services.xml", "Accept-Language", "fr-CA,fr;q=0.9,en;q=0.8"))
                .getDocumentElement(), "service").stream().filter(s -> text(s, "service_code").equals("pothole")).findFirst().orElseThrow();
        assertThat(text(xmlService, "service_name")).isEqualTo("Nid-de-poule ou défaut de la chaussée");

        // English by default, for locale=en whatever the header says, and for a language we do not have.
        for (HttpResponse<String> english : List.of(client.get("services.json"), client.get("services.json?locale=en", "Accept-Language", "fr"),
                client.get("services.json?locale=de_DE"), client.get("services.json", "Accept-Language", "es-MX,de;q=0.5"))) {
            JsonNode en = service(json(english), "pothole");
            assertThat(en.get("service_name").asText()).isEqualTo("Pothole or road defect");
            assertThat(en.get("group").asText()).isEqualTo("Roads");
            assertThat(english.headers().firstValue("Content-Language")).contains("en");
        }
    }

    @Test
    void aServiceDefinitionHasItsAttributesInFrench() throws Exception {
        JsonNode definition = json(client.get("services/pothole.json?locale=fr"));
        JsonNode size = attribute(definition, "size");
        assertThat(size.get("description").asText()).isEqualTo("Quelle est sa taille?");
        assertThat(size.get("datatype_description").asText()).isEqualTo("L’une des clés de la liste");
        assertThat(size.get("values").get(0).get("key").asText()).isEqualTo("small");
        assertThat(size.get("values").get(0).get("name").asText()).isEqualTo("Plus petit qu’une assiette");
        JsonNode hazard = attribute(definition, "hazard");
        assertThat(hazard.get("description").asText()).startsWith("Présente-t-il un danger");
        assertThat(hazard.get("values").findValuesAsText("name")).containsExactly("Oui", "Non");
        assertThat(hazard.get("values").findValuesAsText("key")).containsExactly("true", "false");

        assertThat(xml(client.get("services/pothole.xml", "Accept-Language", "fr-CA")).getDocumentElement().getTextContent())
                .contains("Quelle est sa taille?", "Plus petit qu’une assiette", "Oui");

        JsonNode english = json(client.get("services/pothole.json"));
        assertThat(attribute(english, "size").get("description").asText()).isEqualTo("How big is it?");
        assertThat(attribute(english, "hazard").get("values").findValuesAsText("name")).containsExactly("Yes", "No");
    }

    @Test
    void aRequestReadsInFrenchWithItsServiceNameNoticeAndStatusNotes() throws Exception {
        String key = apiKeys.issue("French app " + System.nanoTime(), "dev@example.org", "test").secret();
        HttpResponse<String> posted = client.post("requests.json", Open311Client.form("api_key", key, "service_code", "pothole",
                "lat", "43.2305", "long", "-79.9449", "description", "Trou profond", "attribute[size]", "large",
                "attribute[locationOnRoad]", "driving-lane", "locale", "fr"));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
        JsonNode created = json(posted).get(0);
        String id = created.get("service_request_id").asText();
        assertThat(created.get("service_notice").asText()).matches("Nous visons à régler cette demande d’ici le "
                + "(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) \\d{1,2} [a-zéû]+ 2026 à \\d\\d h \\d\\d");

        JsonNode french = json(client.get("requests/" + id + ".json?extensions=true&locale=fr")).get(0);
        assertThat(french.get("service_name").asText()).isEqualTo("Nid-de-poule ou défaut de la chaussée");
        assertThat(french.get("description").asText()).isEqualTo("Trou profond");
        assertThat(french.get("agency_responsible").asText()).isEqualTo("Voirie");
        assertThat(french.get("service_notice").asText()).startsWith("Nous visons à régler cette demande d’ici le ");
        List<String> notes = french.get("extended_attributes").get("status_notes_history").findValuesAsText("status_notes");
        assertThat(notes).first().isEqualTo("Demande reçue : Nid-de-poule ou défaut de la chaussée");
        assertThat(notes).contains("Confiée au service responsable");
        assertThat(french.get("status_notes").asText()).isEqualTo(notes.get(notes.size() - 1));
        assertThat(String.join(" ", notes)).doesNotContain("Request received", "Assigned to");

        JsonNode listed = json(client.get("requests.json?service_request_id=" + id, "Accept-Language", "fr-CA")).get(0);
        assertThat(listed.get("service_name").asText()).isEqualTo("Nid-de-poule ou défaut de la chaussée");
        assertThat(listed.get("status_notes").asText()).isEqualTo(french.get("status_notes").asText());

        JsonNode english = json(client.get("requests/" + id + ".json?extensions=true")).get(0);
        assertThat(english.get("service_name").asText()).isEqualTo("Pothole or road defect");
        assertThat(english.get("agency_responsible").asText()).isEqualTo("Roads");
        assertThat(english.get("service_notice").asText()).startsWith("We aim to resolve this request by ");
        assertThat(english.get("extended_attributes").get("status_notes_history").findValuesAsText("status_notes"))
                .first().asString().startsWith("Request received by app");
    }
}
