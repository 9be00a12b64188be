package org.onestop.cases;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Whether a timeline entry may be shown to the resident. */
public enum Visibility {
    PUBLIC, INTERNAL;

    @JsonValue
    public String code() {
        return name().toLowerCase();
    }

    @JsonCreator
    public static Visibility fromCode(String code) {
        for (Visibility visibility : values()) {
            if (visibility.name().equalsIgnoreCase(code)) {
                return visibility;
            }
        }
        throw new IllegalArgumentException("unknown visibility '" + code + "'; use public or internal");
    }
}
