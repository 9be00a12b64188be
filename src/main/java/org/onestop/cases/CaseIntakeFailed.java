package org.onestop.cases;

import java.time.Instant;

/**
 * An intake of a known service that did not go through for a reason on the city's side (the database, the engine, a
 * fault): its transaction rolled back for anything but the request's own mistakes (those are 4xx answers, not
 * failures). Published by the one place every door opens cases through, after the rollback, for the metrics and the
 * process owners' "What is live" page.
 *
 * @param at when it failed
 * @param reason the error's class and message and those of its causes, without the request's personal data
 */
public record CaseIntakeFailed(String serviceCode, Channel channel, Instant at, String reason) {
}
