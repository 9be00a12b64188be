package org.onestop.kpis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onestop.kpis.Targets.Better;
import org.onestop.kpis.Targets.Rag;

/** Red, amber and green against a target, at the edges of the amber band, and the targets' settings. */
class TargetsTest {

    static final BigDecimal EIGHTY_FIVE = new BigDecimal("85");

    @Test
    void higherIsBetterGreenFromTheTargetAmberWithinTheBandRedBelow() {
        // Target 85 %, band 10 % of it: 8.5 points, so amber from 76.5.
        assertThat(Targets.rag(Better.HIGHER, EIGHTY_FIVE, 85.0, 10)).isEqualTo(Rag.GREEN);
        assertThat(Targets.rag(Better.HIGHER, EIGHTY_FIVE, 100, 10)).isEqualTo(Rag.GREEN);
        assertThat(Targets.rag(Better.HIGHER, EIGHTY_FIVE, 84.9, 10)).isEqualTo(Rag.AMBER);
        assertThat(Targets.rag(Better.HIGHER, EIGHTY_FIVE, 76.5, 10)).isEqualTo(Rag.AMBER);
        assertThat(Targets.rag(Better.HIGHER, EIGHTY_FIVE, 76.4, 10)).isEqualTo(Rag.RED);
        assertThat(Targets.rag(Better.HIGHER, EIGHTY_FIVE, 0L, 10)).isEqualTo(Rag.RED);
    }

    @Test
    void lowerIsBetterGreenUpToTheTargetAmberWithinTheBandRedAbove() {
        // Average time to resolve, target 120 h, band 20 %: amber up to 144 h.
        BigDecimal target = new BigDecimal("120");
        assertThat(Targets.rag(Better.LOWER, target, 0.5, 20)).isEqualTo(Rag.GREEN);
        assertThat(Targets.rag(Better.LOWER, target, 120, 20)).isEqualTo(Rag.GREEN);
        assertThat(Targets.rag(Better.LOWER, target, 120.01, 20)).isEqualTo(Rag.AMBER);
        assertThat(Targets.rag(Better.LOWER, target, 144, 20)).isEqualTo(Rag.AMBER);
        assertThat(Targets.rag(Better.LOWER, target, 144.01, 20)).isEqualTo(Rag.RED);
        // A money value (BigDecimal) compares the same way.
        assertThat(Targets.rag(Better.LOWER, new BigDecimal("5.00"), new BigDecimal("5.40"), 10)).isEqualTo(Rag.AMBER);
    }

    @Test
    void noBandMeansGreenOrRed() {
        assertThat(Targets.rag(Better.HIGHER, EIGHTY_FIVE, 84.99, 0)).isEqualTo(Rag.RED);
        assertThat(Targets.rag(Better.LOWER, EIGHTY_FIVE, 85, 0)).isEqualTo(Rag.GREEN);
    }

    @Test
    void noValueNoTargetOrAVolumeHasNoColour() {
        assertThat(Targets.rag(Better.HIGHER, EIGHTY_FIVE, null, 10)).isEqualTo(Rag.NONE);
        assertThat(Targets.rag(Better.HIGHER, null, 50, 10)).isEqualTo(Rag.NONE);
        assertThat(Targets.rag(Better.NEITHER, EIGHTY_FIVE, 50, 10)).isEqualTo(Rag.NONE);
    }

    @Test
    void aConfiguredTargetReplacesItsDefaultAndTheOthersKeepTheirs() {
        KpiProperties settings = new KpiProperties(Map.of(), Map.of(), Map.of("resolved-within-standard-pct", new BigDecimal("95")), 5);
        Targets targets = new Targets(settings);
        assertThat(targets.target("resolved-within-standard-pct")).isEqualByComparingTo("95");
        assertThat(targets.target("acknowledged-within-standard-pct")).isEqualByComparingTo("90");
        assertThat(targets.target("requests")).isNull();
        assertThat(targets.rag("resolved-within-standard-pct", 90.25)).isEqualTo(Rag.AMBER);
        assertThat(targets.rag("resolved-within-standard-pct", 90.24)).isEqualTo(Rag.RED);
        assertThat(targets.rag("requests", 1000)).isEqualTo(Rag.NONE);
        assertThat(Targets.better("satisfaction")).isEqualTo(Better.HIGHER);
        assertThat(Targets.better("overdue-pct")).isEqualTo(Better.LOWER);
        assertThat(Targets.better("requests")).isEqualTo(Better.NEITHER);
    }

    @Test
    void everyDefaultTargetIsForAMeasureThatIsBetterOneWay() {
        assertThat(Targets.BETTER.keySet()).containsAll(Targets.DEFAULTS.keySet());
        assertThat(Targets.DEFAULTS.keySet()).allSatisfy(id ->
                assertThat(java.util.Arrays.stream(Measure.values()).map(Measure::id)).contains(id));
    }

    @Test
    void aTargetForAVolumeAMisspeltMeasureOrBelowZeroIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new KpiProperties(Map.of(), Map.of(), Map.of("requests", BigDecimal.TEN), 10))
                .hasMessageContaining("onestop.kpis.targets.requests");
        assertThatThrownBy(() -> new KpiProperties(Map.of(), Map.of(), Map.of("resolved-whithin-standard-pct", BigDecimal.TEN), 10))
                .hasMessageContaining("no such measure");
        assertThatThrownBy(() -> new KpiProperties(Map.of(), Map.of(), Map.of("overdue-pct", BigDecimal.ONE.negate()), 10))
                .hasMessageContaining("must not be negative");
    }
}
