package org.onestop.catalogue;

import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.BadUserRequestException;

/** A task completed with answers its Camunda Form refuses; Camunda's REST API answers a bad user request with 400. */
public class InvalidTaskFormException extends BadUserRequestException {

    private final Map<String, String> errors;

    InvalidTaskFormException(Map<String, String> errors) {
        super(errors.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("; ")));
        this.errors = Map.copyOf(errors);
    }

    /** Field key to what is wrong with it. */
    public Map<String, String> errors() {
        return errors;
    }
}
