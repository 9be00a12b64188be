package org.onestop.cases;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Why an intake failed, as a process owner can act on it: the exception's class and message and those of its causes
 * (the engine names the decision, the element or the expression that failed), without the request's personal data: any
 * of the request's own texts (description, address, the customer's details, the answers) found in a message is cut out.
 */
final class IntakeFailureReason {

    static final int MAX_LENGTH = 1000;
    private static final int MAX_CAUSES = 4;
    private static final String REDACTED = "[removed]";

    private IntakeFailureReason() {
    }

    static String of(Throwable failure, NewCase request) {
        if (failure == null) {
            return "The intake's transaction did not commit after the case was opened (a later step of the intake or the"
                    + " database's commit failed); see the server log at this time.";
        }
        List<String> parts = new ArrayList<>();
        Throwable t = failure;
        for (int i = 0; t != null && i < MAX_CAUSES; i++, t = t.getCause() == t ? null : t.getCause()) {
            parts.add(t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage()));
        }
        String reason = redact(String.join(" / caused by ", parts), request);
        return reason.length() <= MAX_LENGTH ? reason : reason.substring(0, MAX_LENGTH - 1) + "…";
    }

    /** Cuts the request's own texts out of the message, longest first (a name inside an address goes with it). */
    static String redact(String message, NewCase request) {
        List<String> personal = new ArrayList<>();
        personal.add(request.description());
        personal.add(request.address());
        if (request.customer() != null) {
            personal.add(request.customer().name());
            personal.add(request.customer().phone());
            personal.add(request.customer().email());
            personal.add(request.customer().address());
        }
        if (request.answers() != null) {
            request.answers().values().forEach(value -> {
                if (value instanceof Iterable<?> values) {
                    values.forEach(v -> personal.add(String.valueOf(v)));
                } else if (value != null) {
                    personal.add(String.valueOf(value));
                }
            });
        }
        String redacted = message;
        for (String text : personal.stream().filter(Objects::nonNull).map(String::trim).filter(s -> s.length() >= 3)
                .sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
            redacted = redacted.replace(text, REDACTED);
        }
        return redacted;
    }
}
