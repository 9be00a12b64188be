package org.onestop.shared;

import java.util.LinkedHashMap;
import java.util.Map;

/** Input that breaks a rule the annotations cannot state (a service's own questions, say): field → message. */
public class InvalidRequestException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public InvalidRequestException(Map<String, String> fieldErrors) {
        super("invalid request: " + fieldErrors);
        this.fieldErrors = new LinkedHashMap<>(fieldErrors);
    }

    public InvalidRequestException(String field, String message) {
        this(Map.of(field, message));
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
