package org.onestop.selfservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.cases.CaseService;
import org.onestop.cases.ServiceRequest;
import org.onestop.customers.CustomerService;
import org.onestop.notifications.Notification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The residents' pages in French: ?lang=fr (kept in a cookie) or the browser's Accept-Language (fr, fr-CA), else
 * English; the service's questions from its French texts; the language recorded on the customer, whose notice is French.
 */
class FrenchPagesTest extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    CaseService cases;
    @Autowired
    CustomerService customers;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    StatusLinks links;

    private Resident resident;

    @BeforeEach
    void browser() {
        resident = new Resident(port);
    }

    @Test
    void langParameterChoosesFrenchAndTheCookieKeepsItUntilEnglishIsChosen() throws Exception {
        HttpResponse<String> door = resident.get("/?lang=fr");
        assertThat(door.statusCode()).isEqualTo(200);
        assertThat(door.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("lang=fr").contains("HttpOnly"));
        assertThat(door.body()).contains("<html lang=\"fr\"", "Signaler un problème", "État d’une demande", "311 en ligne")
                .containsPattern("id=\"language-switch\" class=\"language\" href=\"/\\?lang=en\"\\s+lang=\"en\" hreflang=\"en\">English</a>");
        // The cookie keeps French on the next page; the switch keeps the page and its query.
        HttpResponse<String> choose = resident.get("/report?words=trou");
        assertThat(choose.body()).contains("<html lang=\"fr\"", "Tous les services de A à Z", "Nid-de-poule ou défaut de la chaussée",
                "href=\"/report?words=trou&amp;lang=en\"");
        assertThat(resident.get("/report?lang=en").body()).contains("<html lang=\"en\"", "All services from A to Z", "Pothole or road defect")
                .contains(">Français</a>");
        assertThat(resident.get("/status").body()).contains("<html lang=\"en\"", "Check the status of a report");
    }

    @Test
    void acceptLanguageFrenchCanadaGivesFrenchAndAnythingElseEnglish() throws Exception {
        HttpResponse<String> canadian = withLanguage("fr-CA,fr;q=0.9,en;q=0.5");
        assertThat(canadian.body()).as(canadian.body()).contains("<html lang=\"fr\"", "Consulter l’état d’une demande");
        assertThat(withLanguage("de-DE,fr;q=0.5").body()).contains("<html lang=\"fr\"");
        assertThat(withLanguage("de-DE").body()).contains("<html lang=\"en\"", "Check the status of a report");
        assertThat(withLanguage("en-CA,fr;q=0.8").body()).contains("<html lang=\"en\"");
        HttpResponse<String> unknown = resident.get("/status?lang=de");
        assertThat(unknown.statusCode()).isEqualTo(200);
        assertThat(unknown.body()).contains("<html lang=\"en\"");
    }

    @Test
    void aFrenchSpeakingResidentReportsInFrenchAndTheCustomerAndNoticeAreFrench() throws Exception {
        resident.get("/?lang=fr");
        HttpResponse<String> form = resident.get("/report/pothole");
        assertThat(form.body()).contains("Signaler\u00a0: Nid-de-poule ou défaut de la chaussée", "Quelle est sa taille?",
                "Plus petit qu’une assiette", "Où est-ce?", "Envoyer la demande", "Avis de collecte.");

        HttpResponse<String> wrong = resident.postMultipart("/report/pothole", "/report/pothole",
                List.of(Resident.Part.field("emailUpdates", "true")));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("Erreur\u00a0: ", "Veuillez vérifier votre demande", "Répondez à cette question.",
                "Indiquez votre adresse courriel pour recevoir les mises à jour par courriel");

        String email = "marie-" + System.nanoTime() + "@example.org";
        HttpResponse<String> sent = resident.postMultipart("/report/pothole", "/report/pothole", List.of(
                Resident.Part.field("q.hazard", "true"), Resident.Part.field("q.size", "small"),
                Resident.Part.field("q.locationOnRoad", "shoulder"), Resident.Part.field("address", "120 King St E"),
                Resident.Part.field("name", "Marie Tremblay"), Resident.Part.field("email", email),
                Resident.Part.field("emailUpdates", "true")));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        String location = sent.headers().firstValue("Location").orElseThrow();
        String reference = location.replaceAll(".*/report/received/([^?]+).*", "$1");
        String receipt = resident.get(location.substring(location.indexOf("/report/"))).body();
        assertThat(receipt).contains("<html lang=\"fr\"", "Merci, nous avons reçu votre demande", "nous la traiterons d’ici le")
                .containsPattern("(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) \\d{1,2} [a-zéû]+ 20\\d\\d");

        ServiceRequest sr = cases.get(reference);
        assertThat(customers.find(sr.getCustomerId()).orElseThrow().getLanguage()).isEqualTo("fr");
        List<String> subjects = jdbc.queryForList("SELECT subject FROM notification WHERE case_id = ? AND recipient = ?",
                String.class, sr.getId(), email);
        assertThat(subjects).singleElement().asString().isEqualTo(reference + " · Nid-de-poule ou défaut de la chaussée\u00a0: nous avons reçu votre demande");

        String status = resident.get("/status/" + reference).body();
        assertThat(status).contains("<html lang=\"fr\"", "Où en est la demande", "Reçue", "Date prévue");
    }

    private HttpResponse<String> withLanguage(String header) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/status"))
                .header("Accept-Language", header).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The task a case waits on is named to the resident from the service's French texts on a French status page. */
    @Test
    void theTaskACaseWaitsOnIsNamedInFrenchOnAFrenchStatusPage() throws Exception {
        String agent = user("it-fr-wait-agent", "contact-centre");
        String bylaw = user("it-fr-wait-bylaw", "bylaw");
        java.util.Map<String, Object> request = new java.util.HashMap<>(java.util.Map.of("serviceCode", "noise-complaint",
                "channel", "phone", "address", "120 King St E, Lakeport",
                "answers", java.util.Map.of("noiseSource", "other", "ongoing", false, "recurring", false)));
        request.put("customer", java.util.Map.of("name", "Dominique Voisin", "email", "dominique.wait@example.org"));
        String reference = (String) postJson(as(agent), "/api/cases", request).getBody().get("reference");
        org.camunda.bpm.engine.task.Task task = onlyDepartmentTask(reference);
        taskService.claim(task.getId(), bylaw);
        taskService.complete(task.getId(), java.util.Map.of("nextStep", "need-more-information", "informationNeeded", "Which unit"));

        String path = links.path(reference);
        assertThat(resident.get(path + "&lang=fr").body()).contains("<html lang=\"fr\"",
                "En attente de votre part : Communiquer avec le plaignant pour obtenir plus de renseignements.")
                .doesNotContain("Contact complainant");
        assertThat(resident.get(path + "&lang=en").body())
                .contains("Waiting for you: Contact complainant for more information. The clock stops until we hear from you.");
    }
}
