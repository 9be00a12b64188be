package org.onestop.knowledge;

/**
 * An article as the editor's form sends it (raw strings, validated by {@link KnowledgeBase#errors}).
 *
 * @param publicArticle "true" (the form's checkbox) to show it on the residents' A–Z and FAQ
 * @param titleFr the optional French version: title, summary and body, all three or none
 */
public record ArticleDraft(String topic, String title, String serviceCode, String summary, String body, String keywords,
                           String resolution, String publicArticle, String titleFr, String summaryFr, String bodyFr) {

    /** An article for agents only, in English only. */
    public static ArticleDraft internal(String topic, String title, String serviceCode, String summary, String body,
                                        String keywords, String resolution) {
        return new ArticleDraft(topic, title, serviceCode, summary, body, keywords, resolution, null, null, null, null);
    }

    /** Whether the editor marked it public. */
    public boolean isPublic() {
        return "true".equalsIgnoreCase(publicArticle == null ? "" : publicArticle.trim());
    }

    static ArticleDraft of(Article a) {
        return new ArticleDraft(a.getTopic().code(), a.getTitle(), a.getServiceCode(), a.getSummary(), a.getBody(),
                a.getKeywords(), a.getResolution().code(), String.valueOf(a.isPublicArticle()), a.getTitleFr(),
                a.getSummaryFr(), a.getBodyFr());
    }
}
