package org.onestop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.testing.FormSession;
import org.onestop.testing.WebSession;

/**
 * The staff, owner and admin pages in French: chosen as on the residents' pages (?lang=fr and its cookie, or the
 * browser's Accept-Language), with the switch back to English on every page; what the Java side says on them (errors
 * beside fields, what was done, refusals) and their dates follow. English stays the default.
 */
class StaffPagesInFrenchTest extends IntegrationTest {

    private WebSession loggedIn(String user) throws Exception {
        WebSession session = new WebSession(http.getRootUri());
        assertThat(session.login(user, PASSWORD).headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        return session;
    }

    @Test
    void theLoginAndStartPageInFrenchAndEnglishByDefault() throws Exception {
        user("it-fr-roads", "roads");
        WebSession session = new WebSession(http.getRootUri());
        HttpResponse<String> login = session.get("/login?lang=fr");
        assertThat(login.body()).contains("<html lang=\"fr\"", "<title>Connexion · OneStop</title>", "Nom d’utilisateur", "Mot de passe",
                        ">Se connecter</button>")
                .containsPattern("id=\"language-switch\" class=\"language\" href=\"/login\\?lang=en\"\\s+lang=\"en\" hreflang=\"en\">English</a>");
        session.login("it-fr-roads", PASSWORD);
        // The choice is kept across the login.
        HttpResponse<String> start = session.get("/staff");
        assertThat(start.body()).contains("<html lang=\"fr\"", "Bienvenue, it-fr-roads", "Se déconnecter", "Site des résidents",
                "Confidentialité", "Les tâches ouvertes de votre service, avec leurs formulaires.", "href=\"/staff?lang=en\"");

        WebSession english = loggedIn("it-fr-roads");
        assertThat(english.get("/staff").body()).contains("<html lang=\"en\"", "Welcome, it-fr-roads", "Log out", ">Français</a>")
                .doesNotContain("Bienvenue");
    }

    @Test
    void theCasePageInFrenchWithItsAnswersDatesErrorsAndWhatWasDone() throws Exception {
        String agent = user("it-fr-agent", "contact-centre");
        user("it-fr-roads-2", "roads");
        String reference = (String) postJson(as(agent), "/api/cases", pothole()).getBody().get("reference");
        WebSession roads = loggedIn("it-fr-roads-2");

        HttpResponse<String> page = roads.get("/cases/" + reference + "?lang=fr");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html lang=\"fr\"", "Nid-de-poule ou défaut de la chaussée", "Service municipal", "Priorité",
                        ">urgente<", "Règlement d’ici", "Canal", ">téléphone<", "Quelle est sa taille?", "Oui", "Tâches ouvertes", "Historique",
                        "Ajouter une note", "Le personnel seulement (note interne)",
                        "<dd>Voirie</dd>")
                // Canadian French times: "14 h 30".
                .containsPattern("<dd>[a-zé]+\\.? \\d{1,2} [a-zéû]+\\.? \\d{4}, \\d{1,2} h \\d{2}</dd>")
                .doesNotContain("Open tasks", "Add the note", "Resolve by");

        String token = WebSession.csrf(page.body());
        HttpResponse<String> empty = roads.post("/cases/" + reference + "/notes", Map.of("_csrf", token, "text", " ", "visibility", "internal"));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("id=\"note-text-error\"", "est obligatoire").doesNotContain("is required");
        HttpResponse<String> added = roads.post("/cases/" + reference + "/notes", Map.of("_csrf", token, "text", "Vu sur place", "visibility", "internal"));
        assertThat(added.statusCode()).isEqualTo(302);
        assertThat(roads.get(FormSession.location(added)).body()).contains("La note figure dans l’historique.", "Vu sur place");

        HttpResponse<String> unknown = roads.get("/cases/SR-1999-000404");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("<h1>Introuvable</h1>", "Retour à la page d’accueil", "lang=\"en\"", "SR-1999-000404");
    }

    @Test
    void theOnCallRosterAndItsRefusalInFrench() throws Exception {
        user("it-fr-forestry-sup", "forestry-supervisors");
        user("it-fr-forester", "forestry");
        WebSession supervisor = loggedIn("it-fr-forestry-sup");
        HttpResponse<String> roster = supervisor.get("/on-call?lang=fr");
        assertThat(roster.body()).contains("<html lang=\"fr\"", "<h1>Horaire de garde</h1>", "Ajouter un quart de garde", "De garde en ce moment :");
        HttpResponse<String> wrong = supervisor.post("/on-call", Map.of("_csrf", WebSession.csrf(roster.body()), "department", "forestry",
                "userId", "it-fr-forester", "startsOn", "2026-12-07", "endsOn", "demain"));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("Le quart de garde n’a pas été ajouté",
                "Entrez la date de fin sous la forme année-mois-jour, par exemple 2026-12-01.");
        HttpResponse<String> before = supervisor.post("/on-call", Map.of("_csrf", WebSession.csrf(roster.body()), "department", "forestry",
                "userId", "it-fr-forester", "startsOn", "2026-12-07", "endsOn", "2026-12-01"));
        assertThat(before.body()).contains("Fin ne doit pas précéder la date de début.");

        WebSession forester = loggedIn("it-fr-forester");
        HttpResponse<String> refused = forester.get("/on-call?lang=fr");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("<h1>Non autorisé</h1>", "vous ne supervisez aucun service", "Demandez à un administrateur");
    }

    @Test
    void theKnowledgeBaseAndTheApiKeysPageInFrench() throws Exception {
        user("it-fr-editor", "contact-centre", "knowledge-editors");
        user("it-fr-admin", "camunda-admin");
        WebSession editor = loggedIn("it-fr-editor");
        HttpResponse<String> search = editor.get("/console/knowledge?q=garbage+day&lang=fr");
        assertThat(search.body()).contains("<html lang=\"fr\"", "<h1>Base de connaissances</h1>", "Les mots de l’appelant",
                        "Rédiger un nouvel article", "Foire aux questions")
                .containsPattern("\\d+ articles? correspond(ent)? à « garbage day »")
                // an article with its French is listed in French; one without, in English marked lang="en"
                .contains("Quel est mon jour de collecte? Les jours de collecte à Lakeport")
                .doesNotContain(">When is my garbage day? Collection days in Lakeport<");
        HttpResponse<String> edit = editor.get("/console/knowledge/new");
        assertThat(edit.body()).contains("Rédiger un nouvel article", "Résumé", "(obligatoire, une ou deux phrases)", "Version française",
                "Enregistrer l’article");

        WebSession admin = loggedIn("it-fr-admin");
        HttpResponse<String> keys = admin.get("/admin/api-keys?lang=fr");
        assertThat(keys.body()).contains("<html lang=\"fr\"", "<h1>Clés d’API Open311</h1>", "Délivrer une clé", "Nom de l’application");
    }

    @Test
    void theStatementsAndTheNoticeOfCollectionInFrench() throws Exception {
        WebSession resident = new WebSession(http.getRootUri());
        assertThat(resident.get("/privacy?lang=fr").body()).contains("<html lang=\"fr\"",
                "La Ville de Lakeport recueille des renseignements personnels", "LAIMPVP").doesNotContain("The City of Lakeport collects");
        assertThat(resident.get("/accessibility").body()).contains("Règles pour l’accessibilité des contenus Web (WCAG) 2.1");
        assertThat(resident.get("/report/pothole").body()).contains("la Loi de 2001 sur les municipalités, L.O. 2001",
                "le gestionnaire, Service à la clientèle (311), Ville de Lakeport").doesNotContain("the Municipal Act");
        assertThat(resident.get("/privacy?lang=en").body()).contains("The City of Lakeport collects personal information");
    }

    private static Map<String, Object> pothole() {
        Map<String, Object> request = new HashMap<>();
        request.put("serviceCode", "pothole");
        request.put("channel", "phone");
        request.put("description", "Deep hole by the curb");
        request.put("address", "120 King St E, Lakeport");
        request.put("answers", Map.of("hazard", true, "size", "large", "locationOnRoad", "bike-lane"));
        request.put("customer", Map.of("name", "Camille Résidente", "email", "camille.fr@example.org"));
        return request;
    }
}
