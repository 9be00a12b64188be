package org.onestop.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.onestop.customers.CustomerDetails;

/** A failed intake's reason names what failed and keeps none of the request's own texts. */
class IntakeFailureReasonTest {

    private static final NewCase REQUEST = new NewCase("pothole", Channel.PHONE, "Deep hole by Jane's house", null,
            new CustomerDetails("Jane Resident", "905-555-0142", "jane@example.org", "12 Elm St", null),
            "12 Elm St, Lakeport", null, null, "Ward 1 - Harbourfront", Map.of("size", "enormous hole", "streams", List.of("organics")));

    @Test
    void theErrorAndItsCausesWithoutThePersonalTexts() {
        RuntimeException failure = new ProcessEngineException("ENGINE-16004 Exception while closing command context: "
                + "decision PotholeRouting failed for size 'enormous hole' reported by Jane Resident (jane@example.org, 905-555-0142) at 12 Elm St, Lakeport",
                new IllegalArgumentException("FEEL/SCALA-01008 failed to evaluate 'organics'"));
        String reason = IntakeFailureReason.of(failure, REQUEST);
        assertThat(reason).startsWith("ProcessEngineException: ENGINE-16004").contains("decision PotholeRouting",
                "caused by IllegalArgumentException: FEEL/SCALA-01008");
        assertThat(reason).doesNotContain("enormous hole", "Jane Resident", "jane@example.org", "905-555-0142", "12 Elm St", "organics");
    }

    @Test
    void aFailureAfterTheOpeningSaysSoAndTheLengthIsBounded() {
        assertThat(IntakeFailureReason.of(null, REQUEST)).contains("did not commit");
        assertThat(IntakeFailureReason.of(new IllegalStateException("x".repeat(5000)), REQUEST)).hasSize(IntakeFailureReason.MAX_LENGTH);
    }
}
