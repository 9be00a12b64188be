package org.onestop.contactcentre;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.customers.CustomerDetails;
import org.onestop.customers.CustomerService;
import org.onestop.testing.FormSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The contact-centre console in French: with a browser set up in Canadian French (Accept-Language fr-CA) or after
 * {@code ?lang=fr} (kept in a cookie); {@code <html lang="fr">}, the console's own texts, the catalogue's services and
 * questions, the sentences built in Java (validation, flash messages) and dates in French. Without either, English.
 */
class ConsoleFrenchPagesTest extends IntegrationTest {

    @Autowired
    CustomerService customers;

    private FormSession agent() throws Exception {
        user("fr-agent", "contact-centre");
        return FormSession.loggedIn(http.getRootUri(), "fr-agent", PASSWORD);
    }

    @Test
    void aBrowserInCanadianFrenchGetsTheConsoleInFrenchAndAnyOtherEnglish() throws Exception {
        FormSession french = agent().acceptLanguage("fr-CA,fr;q=0.9,en;q=0.5");
        String home = french.get("/console").body();
        assertThat(home).contains("<html lang=\"fr\"", "<title>Console · OneStop</title>", "Console du centre d’appels",
                "Trouver l’appelant", "Consulter une demande", "Chercher dans la base de connaissances",
                "Commencer un nouveau contact", ">En personne</option>")
                .doesNotContain("Contact-centre console", "Look up a case");

        HttpResponse<String> badReference = french.get("/console/lookup?reference=pothole");
        assertThat(badReference.statusCode()).isEqualTo(400);
        assertThat(badReference.body()).contains("n’est pas un numéro de référence");

        String english = agent().acceptLanguage("de-DE,en;q=0.5").get("/console").body();
        assertThat(english).contains("<html lang=\"en\"", "Contact-centre console", "Look up a case", ">Walk in</option>");
        assertThat(agent().get("/console").body()).contains("<html lang=\"en\"", "Contact-centre console");
    }

    @Test
    void anAgentOpensAPotholeCaseInFrenchFromTheCallersWordsToTheReadBack() throws Exception {
        FormSession agent = agent();
        long caller = customers.findOrCreate(new CustomerDetails("Aline Tremblay", "905-555-0177", null, null, null)).getId();

        // ?lang=fr once; the cookie keeps French on the next pages.
        String search = agent.get("/console/cases/new?lang=fr&customer=" + caller + "&words=nid-de-poule").body();
        assertThat(search).contains("<html lang=\"fr\"", "Ouvrir une demande de service", "Appelant", "Aline Tremblay",
                "Services correspondants", "Nid-de-poule ou défaut de la chaussée", "service=pothole");

        String form = agent.get("/console/cases/new?customer=" + caller + "&service=pothole").body();
        assertThat(form).contains("<html lang=\"fr\"", "Ouvrir une demande : Nid-de-poule ou défaut de la chaussée",
                "Emplacement", "Quelle est sa taille?", "Plus petit qu’une assiette", "Comment l’appelant nous a joints",
                ">téléphone</option>", "Enregistrer la demande", "(obligatoire)")
                .doesNotContain("How big is it?", "Save the case");

        // Errors from the console, the catalogue's answer check and the coordinates, all in French.
        HttpResponse<String> invalid = agent.post("/console/cases/new", "service", "pothole", "customer", String.valueOf(caller),
                "channel", "phone", "address", "120 King St E", "latitude", "au nord", "q.locationOnRoad", "bike-lane");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("Veuillez vérifier ces champs", "<span>Latitude</span> : <span>doit être un nombre en degrés décimaux, par exemple 43,2561</span>",
                "id=\"q-size-error\">est obligatoire<", "<span>Quelle est sa taille?</span> : <span>est obligatoire</span>", "value=\"au nord\"")
                .doesNotContain("is required", "Please check these fields");

        // A decimal comma is a number too; a hole somewhere nobody reported one, saved and read back in French.
        HttpResponse<String> saved = agent.post("/console/cases/new", "service", "pothole", "customer", String.valueOf(caller),
                "channel", "phone", "latitude", "43,2301", "longitude", "-79,9451", "q.size", "small", "q.locationOnRoad", "shoulder",
                "description", "Trou près de la bordure", "decision", "new");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        String confirmation = agent.get(FormSession.location(saved)).body();
        assertThat(confirmation).contains("<html lang=\"fr\"", "ouverte", "Lisez ceci à l’appelant", "Numéro de référence",
                "Nid-de-poule ou défaut de la chaussée", "Prévue d’ici le")
                .containsPattern("id=\"expected\">(lundi|mardi|mercredi|jeudi|vendredi) \\d{1,2} [a-zéû]+ 20\\d\\d<");
    }

    @Test
    void theCasePageItsNoteAndTheCallerPagesSpeakFrench() throws Exception {
        FormSession agent = agent().acceptLanguage("fr-CA");
        Map<String, Object> request = new HashMap<>();
        request.put("serviceCode", "pothole");
        request.put("channel", "walk-in");
        request.put("address", "120 King St E, Lakeport");
        request.put("answers", Map.of("hazard", false, "size", "small", "locationOnRoad", "shoulder"));
        String reference = (String) postJson(as("fr-agent"), "/api/cases", request).getBody().get("reference");

        String page = agent.get("/console/cases/" + reference).body();
        assertThat(page).contains("<html lang=\"fr\"", "Nid-de-poule ou défaut de la chaussée", "Où en est la demande",
                "Prévue d’ici le", "Signalée le", "Historique", "Ajouter une note", "Le personnel seulement (interne)")
                .containsPattern("(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) \\d{1,2} [a-zéû]+ 20\\d\\d, \\d{1,2} h \\d\\d en personne<");

        HttpResponse<String> noNote = agent.post("/console/cases/" + reference + "/notes", "text", " ");
        assertThat(noNote.statusCode()).isEqualTo(400);
        assertThat(noNote.body()).contains("est obligatoire : qu’a dit l’appelant?", "choisissez qui peut lire la note");
        HttpResponse<String> noted = agent.post("/console/cases/" + reference + "/notes", "text", "Plus profond", "visibility", "internal");
        assertThat(agent.get(FormSession.location(noted)).body()).contains("La note figure à l’historique de la demande.");

        HttpResponse<String> unknown = agent.get("/console/cases?reference=SR-1999-000404");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("Trouver une demande", "Aucune demande ne porte le numéro « SR-1999-000404 »");

        // The caller's pages: the search hint, the form's rules (worded by the customers module) and the wrap-up.
        assertThat(agent.get("/console/customers?q=x").body()).contains("Tapez au moins deux lettres d’un nom");
        HttpResponse<String> badCaller = agent.post("/console/customers", "name", "", "email", "pas une adresse", "preferredChannel", "sms");
        assertThat(badCaller.statusCode()).isEqualTo(400);
        assertThat(badCaller.body()).contains("<html lang=\"fr\"", "Inscrire un nouvel appelant", "Nom est obligatoire",
                "Courriel doit être une adresse courriel", "Téléphone est obligatoire quand le client préfère les textos", ">texto</option>");
        String wrapUp = agent.get("/console/contacts/wrap-up?channel=phone").body();
        assertThat(wrapUp).contains("Conclure le contact", "Réponse donnée (réglé au premier contact)", "Nid-de-poule ou défaut de la chaussée",
                "Téléphone</strong> : contact en cours depuis");
    }
}
