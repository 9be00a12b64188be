package org.onestop.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.catalogue.ServiceCatalogue;
import org.onestop.catalogue.ServiceDefinition;
import org.onestop.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Searching the knowledge base with a caller's words, and editing it: editors only, and no lost update. */
class KnowledgeBaseTest extends IntegrationTest {

    @Autowired
    KnowledgeBase knowledge;
    @Autowired
    ServiceCatalogue catalogue;
    @LocalServerPort
    int port;

    private WebSession loggedIn(String user) throws Exception {
        WebSession web = new WebSession("http://localhost:" + port);
        assertThat(web.login(user, PASSWORD).headers().firstValue("Location").orElse("")).doesNotContain("error");
        return web;
    }

    private Article anArticle(String title) {
        return knowledge.create(ArticleDraft.internal("faq", title, "", "A summary for agents.",
                "First paragraph.\n\nSecond paragraph with <b>no markup</b>.", "test words", "answer"), "kb-test");
    }

    @Test
    void everyServiceInTheCatalogueHasAnArticleThatSaysToOpenACase() {
        List<Article> services = knowledge.byTopic(ArticleTopic.SERVICE);
        for (ServiceDefinition service : catalogue.services()) {
            assertThat(services).as(service.code()).anySatisfy(a -> {
                assertThat(a.getServiceCode()).isEqualTo(service.code());
                assertThat(a.getResolution()).isEqualTo(Resolution.CASE);
            });
        }
        assertThat(knowledge.byTopic(ArticleTopic.GUIDELINE)).hasSizeGreaterThanOrEqualTo(5);
        assertThat(knowledge.byTopic(ArticleTopic.FAQ)).hasSizeGreaterThanOrEqualTo(10);
    }

    @Test
    void findsArticlesByTheWordsCallersUse() {
        assertThat(knowledge.search("when is garbage day", 5).get(0).article().getTitle()).startsWith("When is my garbage day");
        assertThat(knowledge.search("my bin was not picked up", 5).get(0).article().getServiceCode()).isEqualTo("missed-collection");
        assertThat(knowledge.search("a big branch fell on the sidewalk", 5).get(0).article().getServiceCode()).isEqualTo("tree");
        assertThat(knowledge.search("what time are you open", 5).get(0).article().getTitle()).contains("hours");
        assertThat(knowledge.search("raccoon lying dead on my street", 5).get(0).article().getServiceCode()).isEqualTo("animal");
        assertThat(knowledge.search("the a is of", 5)).isEmpty();
        assertThat(knowledge.search("xylophone quantum", 5)).isEmpty();
    }

    @Test
    void theSearchPageListsTheHitsAndTheArticleShowsItsParagraphsEscaped() throws Exception {
        Article article = anArticle("Escaping test " + System.nanoTime());
        WebSession web = loggedIn(user("kb-reader", "contact-centre"));

        HttpResponse<String> results = web.get("/console/knowledge?q=when+is+garbage+day");
        assertThat(results.statusCode()).isEqualTo(200);
        assertThat(results.body()).contains("When is my garbage day?", "A–Z of services", "Response guidelines");

        String page = web.get("/console/knowledge/" + article.getId()).body();
        assertThat(page).contains("<p>First paragraph.</p>", "&lt;b&gt;no markup&lt;/b&gt;").doesNotContain("<b>no markup</b>");
        assertThat(page).contains("Last edited by <span>kb-test</span>");
        assertThat(page).doesNotContain("Edit this article");
    }

    @Test
    void onlyKnowledgeEditorsMayWriteOrEditArticles() throws Exception {
        Article article = anArticle("Protected " + System.nanoTime());
        WebSession agent = loggedIn(user("kb-agent", "contact-centre"));
        String page = agent.get("/console/knowledge/" + article.getId() + "?channel=phone").body();
        String token = WebSession.csrf(page);

        assertThat(agent.get("/console/knowledge/new").statusCode()).isEqualTo(403);
        assertThat(agent.get("/console/knowledge/" + article.getId() + "/edit").statusCode()).isEqualTo(403);
        Map<String, String> form = form(article, "Changed by an agent", token);
        assertThat(agent.post("/console/knowledge/" + article.getId(), form).statusCode()).isEqualTo(403);
        assertThat(agent.post("/console/knowledge", form).statusCode()).isEqualTo(403);
        assertThat(knowledge.get(article.getId()).getTitle()).isEqualTo(article.getTitle());
    }

    @Test
    void anEditorSavesAndTheArticleSaysWhoEditedItAndWhen() throws Exception {
        Article article = anArticle("Editable " + System.nanoTime());
        WebSession editor = loggedIn(user("kb-editor", "contact-centre", "knowledge-editors"));
        String edit = editor.get("/console/knowledge/" + article.getId() + "/edit").body();

        HttpResponse<String> saved = editor.post("/console/knowledge/" + article.getId(),
                form(article, "Edited title", WebSession.csrf(edit), version(edit)));

        assertThat(saved.statusCode()).isEqualTo(302);
        Article now = knowledge.get(article.getId());
        assertThat(now.getTitle()).isEqualTo("Edited title");
        assertThat(now.getUpdatedBy()).isEqualTo("kb-editor");
        assertThat(now.getVersion()).isEqualTo(article.getVersion() + 1);
    }

    @Test
    void aStaleSaveIsRefusedWithTheEditorsTextKept() throws Exception {
        Article article = anArticle("Contested " + System.nanoTime());
        WebSession editor = loggedIn(user("kb-editor", "contact-centre", "knowledge-editors"));
        String edit = editor.get("/console/knowledge/" + article.getId() + "/edit").body();
        // Meanwhile another editor saves.
        knowledge.update(article.getId(), article.getVersion(), ArticleDraft.internal("faq", "Their title", "", "Their summary.",
                "Their body.", null, "answer"), "other-editor");

        HttpResponse<String> stale = editor.post("/console/knowledge/" + article.getId(),
                form(article, "My title", WebSession.csrf(edit), version(edit)));

        assertThat(stale.statusCode()).isEqualTo(400);
        assertThat(stale.body()).contains("other-editor saved this article while you were editing it", "value=\"My title\"",
                "The article as it is now", "Their body.");
        assertThat(knowledge.get(article.getId()).getTitle()).isEqualTo("Their title");
        // Saving again from the refused form (it now carries the current version) replaces their text on purpose.
        HttpResponse<String> again = editor.post("/console/knowledge/" + article.getId(),
                form(article, "My title", WebSession.csrf(stale.body()), version(stale.body())));
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(knowledge.get(article.getId()).getTitle()).isEqualTo("My title");
    }

    @Test
    void badInputIsShownBesideItsFieldWithWhatWasTyped() throws Exception {
        Article article = anArticle("Validated " + System.nanoTime());
        WebSession editor = loggedIn(user("kb-editor", "contact-centre", "knowledge-editors"));
        String edit = editor.get("/console/knowledge/" + article.getId() + "/edit").body();
        Map<String, String> form = form(article, "", WebSession.csrf(edit), version(edit));
        form.put("resolution", "case");
        form.put("body", "Kept <script>body</script>");

        HttpResponse<String> invalid = editor.post("/console/knowledge/" + article.getId(), form);

        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("id=\"title-error\"", "Title is required", "aria-invalid=\"true\"",
                "choose the service to open a case for", "Kept &lt;script&gt;body&lt;/script&gt;");
        assertThat(knowledge.get(article.getId()).getTitle()).isEqualTo(article.getTitle());
        assertThat(knowledge.errors(ArticleDraft.internal("faq", "t", "no-such-service", "s", "b", null, "answer")))
                .containsKey("serviceCode");
        assertThat(knowledge.errors(ArticleDraft.internal("faq", "t", "", "s", "x".repeat(KnowledgeBase.MAX_BODY + 1), null, "answer")))
                .containsKey("body");
    }

    private static Map<String, String> form(Article a, String title, String token) {
        return form(a, title, token, String.valueOf(a.getVersion()));
    }

    private static Map<String, String> form(Article a, String title, String token, String version) {
        Map<String, String> form = new HashMap<>();
        form.put("_csrf", token);
        form.put("version", version);
        form.put("topic", a.getTopic().code());
        form.put("title", title);
        form.put("serviceCode", a.getServiceCode() == null ? "" : a.getServiceCode());
        form.put("summary", a.getSummary());
        form.put("body", a.getBody());
        form.put("keywords", a.getKeywords() == null ? "" : a.getKeywords());
        form.put("resolution", a.getResolution().code());
        return form;
    }

    private static String version(String page) {
        Matcher m = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(page);
        assertThat(m.find()).as("the form carries the version").isTrue();
        return m.group(1);
    }
}
