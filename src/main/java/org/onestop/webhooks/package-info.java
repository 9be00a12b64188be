/**
 * Outgoing webhooks for back-office systems that prefer push: administrators subscribe a URL to case events
 * ({@code /api/webhooks}); each event is written to an outbox in the transaction that wrote it on the case's timeline,
 * and a scheduled sender posts it, signed with HMAC-SHA256, retried with a growing delay, every attempt recorded.
 * See the README, "For integrators: work orders and webhooks".
 */
@ApplicationModule(allowedDependencies = {"access", "cases", "catalogue", "shared"})
package org.onestop.webhooks;

import org.springframework.modulith.ApplicationModule;
