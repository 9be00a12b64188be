package org.onestop.knowledge;

/** An article as the editor's form sends it (raw strings, validated by {@link KnowledgeBase#errors}). */
public record ArticleDraft(String topic, String title, String serviceCode, String summary, String body, String keywords,
                           String resolution) {

    static ArticleDraft of(Article a) {
        return new ArticleDraft(a.getTopic().code(), a.getTitle(), a.getServiceCode(), a.getSummary(), a.getBody(),
                a.getKeywords(), a.getResolution().code());
    }
}
