package org.onestop.kpis;

import java.math.BigDecimal;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The scorecards' judgement of a measure: its target ({@code onestop.kpis.targets.<measure-id>}), whether higher or
 * lower is better, and red, amber or green against the target. Green: on or beyond the target; amber: short of it by
 * at most {@code onestop.kpis.amber-band-pct} % of the target; red: further off. A measure with no target, or no value
 * in the period, has no colour. The README's "Scorecards" lists the same.
 */
@Component
public class Targets {

    /** Which way a measure is better; counts (volumes) are neither, and have no target. */
    public enum Better { HIGHER, LOWER, NEITHER }

    /** Against target; NONE when there is no target or no value. */
    public enum Rag { GREEN, AMBER, RED, NONE }

    /** By measure id: the measures for which higher or lower is better. Any other is NEITHER. */
    static final Map<String, Better> BETTER = Map.ofEntries(
            Map.entry(Measure.AVERAGE_SPEED_OF_RESPONSE.id(), Better.LOWER),
            Map.entry(Measure.ACKNOWLEDGED_WITHIN_STANDARD_PCT.id(), Better.HIGHER),
            Map.entry(Measure.AVERAGE_TIME_TO_RESOLVE.id(), Better.LOWER),
            Map.entry(Measure.RESOLVED_WITHIN_STANDARD_PCT.id(), Better.HIGHER),
            Map.entry(Measure.OVERDUE.id(), Better.LOWER),
            Map.entry(Measure.OVERDUE_PCT.id(), Better.LOWER),
            Map.entry(Measure.TRANSFERS_PER_CASE.id(), Better.LOWER),
            Map.entry(Measure.TRANSFERRED_PCT.id(), Better.LOWER),
            Map.entry(Measure.REOPENED.id(), Better.LOWER),
            Map.entry(Measure.REOPEN_RATE_PCT.id(), Better.LOWER),
            Map.entry(Measure.SURVEY_RESPONSE_RATE_PCT.id(), Better.HIGHER),
            Map.entry(Measure.SATISFACTION.id(), Better.HIGHER),
            Map.entry(Measure.SURVEY_FIXED_PCT.id(), Better.HIGHER),
            Map.entry(Measure.FIRST_CONTACT_RESOLUTION_PCT.id(), Better.HIGHER),
            Map.entry(Measure.AVERAGE_HANDLE_TIME.id(), Better.LOWER),
            Map.entry(Measure.P90_HANDLE_TIME.id(), Better.LOWER),
            Map.entry(Measure.WITHIN_OPTIMUM_HANDLE_TIME_PCT.id(), Better.HIGHER),
            Map.entry(Measure.CONTACT_COST.id(), Better.LOWER),
            Map.entry(Measure.COST_PER_CONTACT.id(), Better.LOWER));

    /** The default targets, in each measure's unit. */
    static final Map<String, BigDecimal> DEFAULTS = Map.ofEntries(
            Map.entry(Measure.AVERAGE_SPEED_OF_RESPONSE.id(), new BigDecimal("24")),
            Map.entry(Measure.ACKNOWLEDGED_WITHIN_STANDARD_PCT.id(), new BigDecimal("90")),
            Map.entry(Measure.AVERAGE_TIME_TO_RESOLVE.id(), new BigDecimal("120")),
            Map.entry(Measure.RESOLVED_WITHIN_STANDARD_PCT.id(), new BigDecimal("85")),
            Map.entry(Measure.OVERDUE_PCT.id(), new BigDecimal("10")),
            Map.entry(Measure.TRANSFERS_PER_CASE.id(), new BigDecimal("0.10")),
            Map.entry(Measure.TRANSFERRED_PCT.id(), new BigDecimal("10")),
            Map.entry(Measure.REOPEN_RATE_PCT.id(), new BigDecimal("5")),
            Map.entry(Measure.SURVEY_RESPONSE_RATE_PCT.id(), new BigDecimal("20")),
            Map.entry(Measure.SATISFACTION.id(), new BigDecimal("4.0")),
            Map.entry(Measure.SURVEY_FIXED_PCT.id(), new BigDecimal("80")),
            Map.entry(Measure.FIRST_CONTACT_RESOLUTION_PCT.id(), new BigDecimal("70")),
            Map.entry(Measure.AVERAGE_HANDLE_TIME.id(), new BigDecimal("360")),
            Map.entry(Measure.P90_HANDLE_TIME.id(), new BigDecimal("600")),
            Map.entry(Measure.WITHIN_OPTIMUM_HANDLE_TIME_PCT.id(), new BigDecimal("80")),
            Map.entry(Measure.COST_PER_CONTACT.id(), new BigDecimal("5.00")));

    private final KpiProperties settings;

    Targets(KpiProperties settings) {
        this.settings = settings;
    }

    public static Better better(String measureId) {
        return BETTER.getOrDefault(measureId, Better.NEITHER);
    }

    /** The measure's target, or null when it has none. */
    public BigDecimal target(String measureId) {
        return settings.targets().get(measureId);
    }

    public int amberBandPct() {
        return settings.amberBandPct();
    }

    public Rag rag(String measureId, Number value) {
        return rag(better(measureId), target(measureId), value, settings.amberBandPct());
    }

    /** Red, amber or green of a value against its target, with an amber band of {@code amberBandPct} % of the target. */
    static Rag rag(Better better, BigDecimal target, Number value, int amberBandPct) {
        if (better == Better.NEITHER || target == null || value == null) {
            return Rag.NONE;
        }
        BigDecimal v = new BigDecimal(value.toString());
        BigDecimal band = target.multiply(BigDecimal.valueOf(amberBandPct)).movePointLeft(2);
        if (better == Better.HIGHER) {
            return v.compareTo(target) >= 0 ? Rag.GREEN : v.compareTo(target.subtract(band)) >= 0 ? Rag.AMBER : Rag.RED;
        }
        return v.compareTo(target) <= 0 ? Rag.GREEN : v.compareTo(target.add(band)) <= 0 ? Rag.AMBER : Rag.RED;
    }
}
