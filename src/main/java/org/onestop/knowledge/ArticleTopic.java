package org.onestop.knowledge;

/** What kind of article: one per service (the A to Z), a guideline for agents, or a frequently asked question. */
public enum ArticleTopic {
    SERVICE("A–Z of services"),
    GUIDELINE("Response guidelines"),
    FAQ("Frequently asked questions");

    private final String label;

    ArticleTopic(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String code() {
        return name().toLowerCase();
    }

    /** The topic with this code, or null. */
    public static ArticleTopic fromCode(String code) {
        for (ArticleTopic topic : values()) {
            if (topic.code().equalsIgnoreCase(code == null ? "" : code.trim())) {
                return topic;
            }
        }
        return null;
    }
}
