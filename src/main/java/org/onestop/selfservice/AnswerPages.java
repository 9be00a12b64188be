package org.onestop.selfservice;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.onestop.catalogue.ServiceCatalogue;
import org.onestop.catalogue.ServiceDefinition;
import org.onestop.city.CityProperties;
import org.onestop.web.PageTexts;
import org.onestop.knowledge.Article;
import org.onestop.knowledge.KnowledgeBase;
import org.onestop.places.AddressPoint;
import org.onestop.places.AddressRegister;
import org.onestop.places.Wards;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The residents' A–Z and answers ({@code /a-z}): the knowledge base's articles an editor marked public, by letter and
 * searched by the resident's words, in the page's language (an article without French stays English on a French
 * page, and says so); never a guideline for agents, never who edited it. An
 * article with a table by ward ("Ward 1 - Harbourfront | Monday") answers by address: the address register finds
 * the address, the ward boundaries its ward, and the page shows that ward's row ("my collection day"). The address
 * is sent by POST, so it stays out of addresses, histories and logs, and is not kept.
 */
@Controller
class AnswerPages {

    static final int RESULTS = 20;
    static final int MAX_ADDRESS = 300;

    private final KnowledgeBase knowledge;
    private final ServiceCatalogue catalogue;
    private final AddressRegister addresses;
    private final Wards wards;
    private final ZoneId zone;
    private final String cityName;

    private final PageTexts texts;

    AnswerPages(KnowledgeBase knowledge, ServiceCatalogue catalogue, AddressRegister addresses, Wards wards, CityProperties city,
                PageTexts texts) {
        this.texts = texts;
        this.knowledge = knowledge;
        this.catalogue = catalogue;
        this.addresses = addresses;
        this.wards = wards;
        this.zone = city.timeZone();
        this.cityName = city.name();
    }

    @GetMapping("/a-z")
    String index(@RequestParam(defaultValue = "") String q, Model model) {
        String query = q.strip().length() > KnowledgeBase.MAX_QUERY ? q.strip().substring(0, KnowledgeBase.MAX_QUERY) : q.strip();
        Map<String, List<Article>> byLetter = new TreeMap<>();
        for (Article a : knowledge.publicArticles()) {
            byLetter.computeIfAbsent(letter(a.getTitle()), k -> new ArrayList<>()).add(a);
        }
        model.addAttribute("q", query);
        model.addAttribute("searched", !query.isEmpty());
        model.addAttribute("hits", query.isEmpty() ? List.of()
                : knowledge.searchPublic(query, RESULTS).stream().map(KnowledgeBase.Hit::article).toList());
        model.addAttribute("byLetter", byLetter);
        return "public/answers";
    }

    @GetMapping("/a-z/{id}")
    String article(@PathVariable long id, Model model) {
        return page(knowledge.getPublic(id), null, model);
    }

    @PostMapping("/a-z/{id}")
    String byAddress(@PathVariable long id, @RequestParam(defaultValue = "") String address, Model model) {
        return page(knowledge.getPublic(id), address, model);
    }

    /**
     * The French page of old links ({@code /a-z/{id}/fr}, before the article followed the page's language): the same
     * article with {@code ?lang=fr}, for a public article only (any other is a 404, as it always was). A form posted
     * from an old page keeps its method and address (308).
     */
    @GetMapping("/a-z/{id}/fr")
    ResponseEntity<Void> oldFrenchLink(@PathVariable long id) {
        return inFrench(id, HttpStatus.MOVED_PERMANENTLY);
    }

    @PostMapping("/a-z/{id}/fr")
    ResponseEntity<Void> oldFrenchForm(@PathVariable long id) {
        return inFrench(id, HttpStatus.PERMANENT_REDIRECT);
    }

    private ResponseEntity<Void> inFrench(long id, HttpStatus status) {
        Article article = knowledge.getPublic(id);
        return ResponseEntity.status(status).location(UriComponentsBuilder.fromPath("/a-z/{id}").queryParam("lang", "fr")
                .buildAndExpand(article.getId()).toUri()).build();
    }

    /** What the ward lookup answered: the address found, its ward and that ward's row; or what went wrong. */
    record WardAnswer(String address, String ward, String answer, String error) {
    }

    /** The article in the page's language: its French version on a French page, when it has one; else its English. */
    private String page(Article article, String address, Model model) {
        boolean french = texts.french() && article.hasFrench();
        model.addAttribute("onlyInEnglish", texts.french() && !article.hasFrench());
        List<Article.Block> blocks = french ? article.blocksFr() : article.blocks();
        Set<String> wardNames = Set.copyOf(wards.names());
        boolean byWard = blocks.stream().flatMap(b -> b.rows().stream()).anyMatch(r -> wardNames.contains(r.key()));
        model.addAttribute("article", article);
        model.addAttribute("french", french);
        model.addAttribute("title", french ? article.getTitleFr() : article.getTitle());
        model.addAttribute("summary", french ? article.getSummaryFr() : article.getSummary());
        model.addAttribute("blocks", blocks);
        model.addAttribute("byWard", byWard);
        model.addAttribute("updated", PublicDates.day(article.getUpdatedAt(), zone));
        model.addAttribute("service", Optional.ofNullable(article.getServiceCode()).flatMap(catalogue::find)
                .filter(ServiceDefinition::publicService).orElse(null));
        model.addAttribute("address", address == null ? "" : address);
        model.addAttribute("wardAnswer", byWard && address != null ? answer(address, blocks, wardNames) : null);
        return "public/answer";
    }

    private WardAnswer answer(String typed, List<Article.Block> blocks, Set<String> wardNames) {
        String address = typed.strip();
        if (address.isEmpty()) {
            return new WardAnswer(address, null, null, texts.get("answer.error.empty"));
        }
        if (address.length() > MAX_ADDRESS) {
            return new WardAnswer("", null, null, texts.get("answer.error.long", MAX_ADDRESS));
        }
        Optional<AddressPoint> point = addresses.find(address);
        Optional<String> ward = point.flatMap(p -> wards.wardAt(p.latitude(), p.longitude()));
        if (ward.isEmpty() || !wardNames.contains(ward.get())) {
            return new WardAnswer(address, null, null, texts.get("answer.error.notFound", cityName));
        }
        String answer = blocks.stream().flatMap(b -> b.rows().stream()).filter(r -> r.key().equals(ward.get()))
                .map(Article.Row::value).findFirst().orElse(null);
        return answer == null
                ? new WardAnswer(point.get().address(), ward.get(), null, texts.get("answer.error.noAnswer", ward.get()))
                : new WardAnswer(point.get().address(), ward.get(), answer, null);
    }

    private static String letter(String title) {
        String first = java.text.Normalizer.normalize(title.strip(), java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        char c = first.isEmpty() ? '#' : Character.toUpperCase(first.charAt(0));
        return Character.isLetter(c) ? String.valueOf(c) : "#";
    }
}
