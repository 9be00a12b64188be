package org.onestop.knowledge;

/** What the agent does with a caller the article is about: answer there and then, or open a case for the service. */
public enum Resolution {
    ANSWER("Resolve by answering"),
    CASE("Open a case");

    private final String label;

    Resolution(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String code() {
        return name().toLowerCase();
    }

    /** The resolution with this code, or null. */
    public static Resolution fromCode(String code) {
        for (Resolution r : values()) {
            if (r.code().equalsIgnoreCase(code == null ? "" : code.trim())) {
                return r;
            }
        }
        return null;
    }
}
