package org.onestop.knowledge;

import java.text.Normalizer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.onestop.catalogue.ServiceCatalogue;
import org.onestop.catalogue.ServiceDefinition;
import org.onestop.shared.InvalidRequestException;
import org.onestop.shared.NotFoundException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The knowledge base: articles per service, guidelines for agents and FAQs, searched by the words a caller uses
 * ("when is garbage day", "bin not picked up"). A service's article is also found by the service's own keywords
 * from its BPMN, so the catalogue and the knowledge base speak the same language.
 */
@Service
public class KnowledgeBase {

    public static final int MAX_TITLE = 200;
    public static final int MAX_SUMMARY = 500;
    public static final int MAX_BODY = 20_000;
    public static final int MAX_KEYWORDS = 500;
    public static final int MAX_QUERY = 200;

    /** Words that say nothing about the topic of a call. */
    private static final Set<String> STOP_WORDS = Set.of("a", "about", "am", "an", "and", "any", "are", "as", "at", "be",
            "been", "but", "by", "can", "could", "did", "do", "does", "for", "from", "get", "got", "had", "has", "have",
            "hi", "hello", "how", "i", "if", "in", "into", "is", "it", "its", "me", "my", "no", "not", "of", "on", "or",
            "our", "please", "should", "so", "some", "still", "that", "the", "their", "them", "there", "they", "this",
            "to", "up", "was", "we", "were", "what", "when", "where", "which", "who", "why", "will", "with", "would",
            "you", "your", "yet", "again", "today", "just");

    private static final int TITLE = 6;
    private static final int KEYWORD = 4;
    private static final int SUMMARY = 2;
    private static final int BODY = 1;

    /** An article found by a search, with how well it matched. */
    public record Hit(Article article, int score) {
    }

    private final Articles articles;
    private final ServiceCatalogue catalogue;
    private final Clock clock;

    KnowledgeBase(Articles articles, ServiceCatalogue catalogue, Clock clock) {
        this.articles = articles;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** The articles matching the caller's words, best first; every meaningful word counts, partial matches too. */
    @Transactional(readOnly = true)
    public List<Hit> search(String query, int limit) {
        return search(query, limit, articles.findAll());
    }

    /**
     * The public articles matching a resident's words (English or French), best first: only articles an editor marked
     * public, never a guideline for agents.
     */
    @Transactional(readOnly = true)
    public List<Hit> searchPublic(String query, int limit) {
        return search(query, limit, publicArticles());
    }

    /** Every article residents may read (marked public, not a guideline), by title. */
    @Transactional(readOnly = true)
    public List<Article> publicArticles() {
        return articles.findByPublicArticleTrueOrderByTitleAsc().stream().filter(KnowledgeBase::isPublic).toList();
    }

    /** An article residents may read; a missing, internal or guideline article is not found. */
    @Transactional(readOnly = true)
    public Article getPublic(long id) {
        return articles.findById(id).filter(KnowledgeBase::isPublic)
                .orElseThrow(() -> new NotFoundException("no public article " + id));
    }

    private static boolean isPublic(Article a) {
        return a.isPublicArticle() && a.getTopic() != ArticleTopic.GUIDELINE;
    }

    private List<Hit> search(String query, int limit, List<Article> all) {
        List<String> words = queryWords(query);
        if (words.isEmpty()) {
            return List.of();
        }
        Map<String, String> serviceKeywords = new HashMap<>();
        for (ServiceDefinition s : catalogue.services()) {
            serviceKeywords.put(s.code(), s.name() + " " + String.join(" ", s.keywords()));
        }
        List<int[]> best = new ArrayList<>();
        int[] documentFrequency = new int[words.size()];
        for (Article a : all) {
            Map<String, Integer> weights = new HashMap<>();
            weigh(weights, a.getTitle(), TITLE);
            weigh(weights, a.getKeywords(), KEYWORD);
            if (a.getServiceCode() != null) {
                weigh(weights, serviceKeywords.get(a.getServiceCode()), KEYWORD);
            }
            weigh(weights, a.getSummary(), SUMMARY);
            weigh(weights, a.getBody(), BODY);
            weigh(weights, a.getTitleFr(), TITLE);
            weigh(weights, a.getSummaryFr(), SUMMARY);
            weigh(weights, a.getBodyFr(), BODY);
            int[] perWord = new int[words.size()];
            for (int i = 0; i < words.size(); i++) {
                for (Map.Entry<String, Integer> e : weights.entrySet()) {
                    if (matches(words.get(i), e.getKey())) {
                        perWord[i] = Math.max(perWord[i], e.getValue());
                    }
                }
                documentFrequency[i] += perWord[i] > 0 ? 1 : 0;
            }
            best.add(perWord);
        }
        // A word few articles have ("branch") says more about the call than one many have ("sidewalk").
        double[] rarity = new double[words.size()];
        for (int i = 0; i < words.size(); i++) {
            rarity[i] = documentFrequency[i] == 0 ? 0 : Math.log(1.0 + (double) all.size() / documentFrequency[i]);
        }
        List<Hit> hits = new ArrayList<>();
        for (int n = 0; n < all.size(); n++) {
            int[] perWord = best.get(n);
            double score = 0;
            int matched = 0;
            for (int i = 0; i < words.size(); i++) {
                score += perWord[i] * rarity[i];
                matched += perWord[i] > 0 ? 1 : 0;
            }
            if (matched > 0) {
                // An article that has every word the caller said beats one that has some of them in its title.
                double allWords = matched == words.size() && words.size() > 1 ? 1.5 : 1.0;
                hits.add(new Hit(all.get(n), (int) Math.round(10 * score * allWords)));
            }
        }
        hits.sort(Comparator.comparingInt(Hit::score).reversed().thenComparing(h -> h.article().getTitle()));
        return hits.size() > limit ? hits.subList(0, limit) : hits;
    }

    @Transactional(readOnly = true)
    public Article get(long id) {
        return articles.findById(id).orElseThrow(() -> new NotFoundException("no knowledge-base article " + id));
    }

    @Transactional(readOnly = true)
    public Optional<Article> find(Long id) {
        return id == null ? Optional.empty() : articles.findById(id);
    }

    /** Every article of a topic, by title (the A to Z of services, the guidelines, the FAQs). */
    @Transactional(readOnly = true)
    public List<Article> byTopic(ArticleTopic topic) {
        return articles.findByTopicOrderByTitleAsc(topic.name());
    }

    @Transactional
    public Article create(ArticleDraft draft, String editor) {
        validate(draft);
        return articles.save(new Article(draft, editor, clock.instant()));
    }

    /**
     * Saves an editor's changes.
     *
     * @param version the version the editor's form was read at
     * @throws InvalidRequestException on {@code version} when someone else saved the article since
     */
    @Transactional
    public Article update(long id, long version, ArticleDraft draft, String editor) {
        Article article = get(id);
        validate(draft);
        if (article.getVersion() != version) {
            throw conflict(article);
        }
        article.update(draft, editor, clock.instant());
        articles.flush();
        return article;
    }

    static InvalidRequestException conflict(Article current) {
        return new InvalidRequestException("version", current.getUpdatedBy() + " saved this article while you were editing it");
    }

    /** Whether a failure is a concurrent save that the version check did not see (two saves at the same moment). */
    public static boolean isConflict(RuntimeException e) {
        return e instanceof ObjectOptimisticLockingFailureException;
    }

    /** What is wrong with a draft, field → message. */
    public Map<String, String> errors(ArticleDraft d) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (ArticleTopic.fromCode(d.topic()) == null) {
            errors.put("topic", "choose a topic");
        }
        text(errors, "title", d.title(), MAX_TITLE, true);
        text(errors, "summary", d.summary(), MAX_SUMMARY, true);
        text(errors, "body", d.body(), MAX_BODY, true);
        text(errors, "keywords", d.keywords(), MAX_KEYWORDS, false);
        text(errors, "titleFr", d.titleFr(), MAX_TITLE, false);
        text(errors, "summaryFr", d.summaryFr(), MAX_SUMMARY, false);
        text(errors, "bodyFr", d.bodyFr(), MAX_BODY, false);
        boolean anyFrench = !blank(d.titleFr()) || !blank(d.summaryFr()) || !blank(d.bodyFr());
        if (anyFrench) {
            for (String[] f : new String[][] {{"titleFr", d.titleFr()}, {"summaryFr", d.summaryFr()}, {"bodyFr", d.bodyFr()}}) {
                if (blank(f[1])) {
                    errors.putIfAbsent(f[0], "is required for the French version (or leave all three French fields empty)");
                }
            }
        }
        if (d.isPublic() && ArticleTopic.fromCode(d.topic()) == ArticleTopic.GUIDELINE) {
            errors.put("publicArticle", "guidelines are for agents and cannot be public; choose the FAQ or A–Z topic");
        }
        Resolution resolution = Resolution.fromCode(d.resolution());
        if (resolution == null) {
            errors.put("resolution", "choose whether the agent answers or opens a case");
        }
        boolean hasService = d.serviceCode() != null && !d.serviceCode().isBlank();
        if (hasService && catalogue.find(d.serviceCode().trim()).isEmpty()) {
            errors.put("serviceCode", "is not a service of the city");
        } else if (!hasService && resolution == Resolution.CASE) {
            errors.put("serviceCode", "choose the service to open a case for");
        } else if (!hasService && ArticleTopic.fromCode(d.topic()) == ArticleTopic.SERVICE) {
            errors.put("serviceCode", "choose the service this article describes");
        }
        return errors;
    }

    private void validate(ArticleDraft draft) {
        Map<String, String> errors = errors(draft);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static void text(Map<String, String> errors, String field, String value, int max, boolean required) {
        if (required && (value == null || value.isBlank())) {
            errors.put(field, "is required");
        } else if (value != null && value.strip().length() > max) {
            errors.put(field, "must be at most " + max + " characters (it has " + value.strip().length() + ")");
        }
    }

    // ---------------------------------------------------------------- matching words

    static List<String> queryWords(String query) {
        if (query == null) {
            return List.of();
        }
        String q = query.length() > MAX_QUERY ? query.substring(0, MAX_QUERY) : query;
        Set<String> words = new LinkedHashSet<>();
        for (String w : split(q)) {
            if (!STOP_WORDS.contains(w) && (w.length() > 1 || Character.isDigit(w.charAt(0)))) {
                words.add(stem(w));
            }
        }
        return new ArrayList<>(words).subList(0, Math.min(words.size(), 12));
    }

    private static void weigh(Map<String, Integer> weights, String text, int weight) {
        if (text == null) {
            return;
        }
        for (String w : split(text)) {
            if (!STOP_WORDS.contains(w)) {
                weights.merge(stem(w), weight, Math::max);
            }
        }
    }

    /** The same word, or (from four letters on) the start of a longer one: "collect" finds "collection". */
    private static boolean matches(String queryWord, String articleWord) {
        return articleWord.equals(queryWord) || (queryWord.length() >= 4 && articleWord.startsWith(queryWord));
    }

    private static String[] split(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        return java.util.Arrays.stream(plain.split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).toArray(String[]::new);
    }

    /** A crude English stemmer, enough for callers' words: "bins" → "bin", "picked" → "pick", "plowing" → "plow". */
    static String stem(String w) {
        if (w.length() > 5 && w.endsWith("ing")) {
            return w.substring(0, w.length() - 3);
        }
        if (w.length() > 4 && w.endsWith("ied")) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.length() > 4 && w.endsWith("ed")) {
            return w.substring(0, w.length() - 2);
        }
        if (w.length() > 4 && w.endsWith("ies")) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us")) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }
}
