package org.onestop.selfservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.knowledge.Article;
import org.onestop.knowledge.ArticleDraft;
import org.onestop.knowledge.KnowledgeBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The residents' front door, A–Z and answers and statements over HTTP, without a login: every public page answers
 * an anonymous visitor, an article no editor marked public (or a guideline for agents) never shows on any of them,
 * a public article never shows who edited it, and a table by ward answers by address.
 */
class FrontDoorPageTest extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    KnowledgeBase knowledge;

    private Resident resident;

    @BeforeEach
    void browser() {
        resident = new Resident(port);
    }

    @Test
    void everyPublicPageAnswersWithoutALoginAndTheStaffStartPageNeedsOne() throws Exception {
        long article = knowledge.publicArticles().get(0).getId();
        for (String path : new String[] {"/", "/a-z", "/a-z?q=garbage+day", "/a-z/" + article, "/privacy", "/accessibility"}) {
            HttpResponse<String> page = resident.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.body()).as(path).contains("href=\"/privacy\"", "href=\"/accessibility\"", "href=\"/login\"")
                    .doesNotContain("Log out", "Contact-centre console");
        }
        HttpResponse<String> door = resident.get("/");
        // The public dashboard is linked; the staff start page (once the "dashboard" at /) is not, before a login.
        assertThat(door.body()).contains("href=\"/report\"", "href=\"/status\"", "href=\"/a-z\"", "Staff sign-in", "href=\"/dashboard\"")
                .doesNotContain("href=\"/staff\"");
        assertThat(resident.get("/staff").statusCode()).isEqualTo(302);
        assertThat(resident.get("/staff").headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        assertThat(resident.get("/privacy").body()).contains("Municipal Freedom of Information and Protection of Privacy Act");
        assertThat(resident.get("/accessibility").body()).contains("WCAG");
    }

    @Test
    void anArticleNotMarkedPublicNeverReachesThePublicPages() throws Exception {
        String word = "zorblax" + System.nanoTime() % 100000;
        Article internal = knowledge.create(ArticleDraft.internal("faq", "Internal " + word, "", "For agents only " + word,
                "Internal note " + word, word, "answer"), "kb-editor-one");
        Article service = knowledge.create(new ArticleDraft("service", "Pothole " + word, "pothole", "Agents' pothole " + word,
                "Ask the caller " + word, word, "case", null, null, null, null), "kb-editor-one");
        assertThat(knowledge.errors(new ArticleDraft("guideline", "Guideline " + word, "", "s", "b", word, "answer", "true",
                null, null, null))).containsKey("publicArticle");

        assertThat(resident.get("/a-z").body()).doesNotContain(word);
        assertThat(resident.get("/a-z?q=" + word).body()).doesNotContain(word + "</").contains("No answer matches");
        assertThat(resident.get("/a-z/" + internal.getId()).statusCode()).isEqualTo(404);
        assertThat(resident.get("/a-z/" + internal.getId()).body()).contains("We could not find that page").doesNotContain(word);
        assertThat(resident.get("/a-z/" + service.getId()).statusCode()).isEqualTo(404);
        assertThat(resident.get("/a-z/" + internal.getId() + "/fr").statusCode()).isEqualTo(404);
        assertThat(resident.get("/a-z/999999999").statusCode()).isEqualTo(404);
        assertThat(resident.postForm(garbageDayPath(), "/a-z/" + internal.getId(), Map.of("address", "120 King St E")).statusCode()).isEqualTo(404);

        // Marked public by an editor: now listed, found and shown, without the editor's user name.
        knowledge.update(internal.getId(), internal.getVersion(), new ArticleDraft("faq", "Public " + word, "", "For residents " + word,
                "A paragraph " + word, word, "answer", "true", null, null, null), "kb-editor-one");
        assertThat(resident.get("/a-z").body()).contains("Public " + word);
        assertThat(resident.get("/a-z?q=" + word).body()).contains("href=\"/a-z/" + internal.getId() + "\"");
        HttpResponse<String> page = resident.get("/a-z/" + internal.getId());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("For residents " + word, "A paragraph " + word).doesNotContain("kb-editor-one")
                .doesNotContain("Lire en français");
        // On a French page an article without French stays English, and says so.
        HttpResponse<String> inFrench = resident.get("/a-z/" + internal.getId() + "?lang=fr");
        assertThat(inFrench.body()).contains("<html lang=\"fr\"", "<article lang=\"en\">", "A paragraph " + word, "id=\"only-in-english\"");
        resident.get("/a-z?lang=en");
        // And no longer public: gone again.
        Article current = knowledge.get(internal.getId());
        knowledge.update(current.getId(), current.getVersion(), ArticleDraft.internal("faq", "Public " + word, "", "For residents " + word,
                "A paragraph " + word, word, "answer"), "kb-editor-one");
        assertThat(resident.get("/a-z/" + internal.getId()).statusCode()).isEqualTo(404);
        assertThat(resident.get("/a-z").body()).doesNotContain(word);
    }

    @Test
    void myCollectionDayByAddressInEnglishAndFrench() throws Exception {
        String path = garbageDayPath();
        HttpResponse<String> page = resident.get(path);
        assertThat(page.body()).contains("Find the answer for your address", "<th scope=\"row\">Ward 1 - Harbourfront</th>", "Lire en français");

        HttpResponse<String> answer = resident.postForm(path, path, Map.of("address", "120 King St E"));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("id=\"ward-answer\"", "120 King St E, Lakeport", "Ward 1 - Harbourfront", "<strong>Monday</strong>");

        HttpResponse<String> unknown = resident.postForm(path, path, Map.of("address", "1 Nowhere Rd"));
        assertThat(unknown.statusCode()).isEqualTo(200);
        assertThat(unknown.body()).contains("id=\"address-error\"", "We could not find that address").doesNotContain("id=\"ward-answer\"");
        assertThat(resident.postForm(path, path, Map.of("address", "x".repeat(5000))).body()).contains("at most 300 characters");
        assertThat(resident.postForm(path, path, Map.of()).body()).contains("Enter your street address");

        // The article follows the page's language; the old French address sends there, a form posted to it too.
        HttpResponse<String> oldLink = resident.get(path + "/fr");
        assertThat(oldLink.statusCode()).isEqualTo(301);
        assertThat(oldLink.headers().firstValue("Location").orElse("")).endsWith(path + "?lang=fr");
        HttpResponse<String> oldForm = resident.postForm(path, path + "/fr", Map.of("address", "120 King St E"));
        assertThat(oldForm.statusCode()).isEqualTo(308);
        assertThat(oldForm.headers().firstValue("Location").orElse("")).endsWith(path + "?lang=fr");
        HttpResponse<String> french = resident.postForm(path + "?lang=fr", path + "?lang=fr", Map.of("address", "120 King St E"));
        assertThat(french.body()).contains("<html lang=\"fr\"", "<article lang=\"fr\">", "Quel est mon jour de collecte", "lundi",
                "Read in English", "Trouver la réponse pour votre adresse");
        assertThat(resident.get("/a-z?q=collecte").body()).contains("href=\"" + path + "\"");
    }

    private String garbageDayPath() {
        return "/a-z/" + knowledge.publicArticles().stream().filter(a -> a.getTitle().startsWith("When is my garbage day"))
                .findFirst().orElseThrow().getId();
    }

    @Test
    void everyFormAskingForPersonalDataCarriesTheNoticeOfCollection() throws Exception {
        String notice = "Notice of collection.";
        assertThat(resident.get("/report/pothole").body()).contains(notice, "the Municipal Act, 2001",
                "the Manager, Customer Service (311), City of Lakeport", "href=\"/privacy\"");
        assertThat(resident.get("/report/missed-collection").body()).contains(notice);
    }
}
