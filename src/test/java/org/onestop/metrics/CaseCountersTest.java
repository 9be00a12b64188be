package org.onestop.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.onestop.cases.CaseEventRecorded;
import org.onestop.cases.CaseEventType;
import org.onestop.cases.CaseStatus;
import org.onestop.cases.Channel;
import org.onestop.cases.Visibility;

/** "Within standard": resolved by the case's resolve-by date. */
class CaseCountersTest {

    private static final Instant DUE = Instant.parse("2026-11-26T21:30:00Z");

    @Test
    void aCaseResolvedByItsResolveByDateIsWithinItsStandard() {
        assertThat(CaseCounters.outcome(resolved(DUE.minusSeconds(1), DUE))).isEqualTo(CaseCounters.WITHIN_STANDARD);
        assertThat(CaseCounters.outcome(resolved(DUE, DUE))).isEqualTo(CaseCounters.WITHIN_STANDARD);
        assertThat(CaseCounters.outcome(resolved(DUE.plusSeconds(1), DUE))).isEqualTo(CaseCounters.OUTSIDE_STANDARD);
        assertThat(CaseCounters.outcome(resolved(DUE, null))).isEqualTo(CaseCounters.NO_STANDARD);
    }

    private static CaseEventRecorded resolved(Instant at, Instant resolveBy) {
        return new CaseEventRecorded(1, 2, "SR-2026-000001", "pothole", null, CaseEventType.RESOLVED, Visibility.PUBLIC,
                CaseStatus.RESOLVED, "Resolved", resolveBy, Channel.PHONE, at);
    }
}
