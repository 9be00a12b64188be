package org.onestop.cases;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The door a request came in by. */
public enum Channel {
    PHONE, WALK_IN, EMAIL, WEB, APP, COUNCIL;

    @JsonValue
    public String code() {
        return name().toLowerCase().replace('_', '-');
    }

    @JsonCreator
    public static Channel fromCode(String code) {
        if (code != null) {
            for (Channel channel : values()) {
                if (channel.code().equalsIgnoreCase(code.trim()) || channel.name().equalsIgnoreCase(code.trim())) {
                    return channel;
                }
            }
        }
        throw new IllegalArgumentException("unknown channel '" + code + "'; use one of phone, walk-in, email, web, app, council");
    }
}
