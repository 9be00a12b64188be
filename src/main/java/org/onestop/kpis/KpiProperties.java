package org.onestop.kpis;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The KPIs' targets and unit costs ({@code onestop.kpis.*}), per channel code (phone, walk-in, email, web, app,
 * council). A channel left out has no target (its contacts are not counted in "% within optimum handle time") and no
 * cost.
 *
 * @param optimumHandleTime per channel, the handle time a contact should take at most
 * @param costPerContact per channel, what one contact costs the city (in the city's currency)
 * @param targets per measure id, the scorecards' target (in the measure's unit); each one given replaces its default
 *                ({@link Targets#DEFAULTS}), the others keep theirs. Only a measure for which higher or lower is better
 *                ({@link Targets#BETTER}) may have one
 * @param amberBandPct how far from its target, in % of the target, a measure is amber rather than red
 */
@Validated
@ConfigurationProperties("onestop.kpis")
public record KpiProperties(@NotNull Map<String, Duration> optimumHandleTime, @NotNull Map<String, BigDecimal> costPerContact,
                            @NotNull Map<String, BigDecimal> targets, @DefaultValue("10") @Min(0) @Max(100) int amberBandPct) {

    static final Map<String, Duration> DEFAULT_OPTIMUM_HANDLE_TIME = Map.of("phone", Duration.ofMinutes(6),
            "walk-in", Duration.ofMinutes(10), "email", Duration.ofMinutes(8), "web", Duration.ofMinutes(5),
            "app", Duration.ofMinutes(5), "council", Duration.ofMinutes(8));
    static final Map<String, BigDecimal> DEFAULT_COST_PER_CONTACT = Map.of("phone", new BigDecimal("6.50"),
            "walk-in", new BigDecimal("12.00"), "email", new BigDecimal("4.00"), "web", new BigDecimal("0.50"),
            "app", new BigDecimal("0.50"), "council", new BigDecimal("8.00"));

    public KpiProperties {
        optimumHandleTime = optimumHandleTime == null || optimumHandleTime.isEmpty() ? DEFAULT_OPTIMUM_HANDLE_TIME : Map.copyOf(optimumHandleTime);
        costPerContact = costPerContact == null || costPerContact.isEmpty() ? DEFAULT_COST_PER_CONTACT : Map.copyOf(costPerContact);
        Map<String, BigDecimal> merged = new HashMap<>(Targets.DEFAULTS);
        if (targets != null) {
            merged.putAll(targets);
        }
        targets = Map.copyOf(merged);
        optimumHandleTime.forEach((channel, optimum) -> {
            if (optimum.isNegative() || optimum.isZero()) {
                throw new IllegalArgumentException("onestop.kpis.optimum-handle-time." + channel + " must be positive");
            }
        });
        costPerContact.forEach((channel, cost) -> {
            if (cost.signum() < 0) {
                throw new IllegalArgumentException("onestop.kpis.cost-per-contact." + channel + " must not be negative");
            }
        });
        targets.forEach((measure, target) -> {
            if (Targets.better(measure) == Targets.Better.NEITHER) {
                throw new IllegalArgumentException("onestop.kpis.targets." + measure
                        + ": no such measure, or one for which neither higher nor lower is better (a count); see the README's Performance measures");
            }
            if (target.signum() < 0) {
                throw new IllegalArgumentException("onestop.kpis.targets." + measure + " must not be negative");
            }
        });
    }
}
