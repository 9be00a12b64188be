package org.onestop.open311;

import java.util.List;

/** An error answered in the specification's format: {@code <errors><error><code/><description/></error></errors>}. */
class Open311Exception extends RuntimeException {

    private final int status;
    private final List<String> descriptions;

    Open311Exception(int status, List<String> descriptions) {
        super(status + ": " + String.join("; ", descriptions));
        this.status = status;
        this.descriptions = List.copyOf(descriptions);
    }

    Open311Exception(int status, String description) {
        this(status, List.of(description));
    }

    static Open311Exception badRequest(String description) {
        return new Open311Exception(400, description);
    }

    static Open311Exception notFound(String description) {
        return new Open311Exception(404, description);
    }

    int status() {
        return status;
    }

    List<String> descriptions() {
        return descriptions;
    }
}
