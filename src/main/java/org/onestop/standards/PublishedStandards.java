package org.onestop.standards;

import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.stereotype.Service;

/**
 * A service's standards as the city publishes them: for each priority its routing table can give, what the service's
 * own standards table ({@code dmn/standards-<service code>.dmn}) says ("acknowledge within 1 business day, resolve
 * within 10 business days").
 */
@Service
public class PublishedStandards {

    /**
     * The one table all services shared before each got its own: a service model deployed before then (no
     * {@code standardsDecision} property) still uses it, and it stays deployed in databases from before.
     */
    public static final String SHARED_STANDARDS_DECISION = "ServiceStandards";
    private static final List<String> PRIORITY_ORDER = List.of("emergency", "urgent", "high", "normal", "low");

    private final DecisionService decisions;
    private final RepositoryService repository;

    PublishedStandards(DecisionService decisions, RepositoryService repository) {
        this.decisions = decisions;
        this.repository = repository;
    }

    public record Published(String priority, String acknowledgeWithin, String resolveWithin, String clock, String text) {
    }

    /** @param standardsDecision the service's standards table (its serviceCode is given too, for the shared table) */
    public List<Published> forService(String serviceCode, String routingDecision, String standardsDecision) {
        List<Published> published = new ArrayList<>();
        if (repository.createDecisionDefinitionQuery().decisionDefinitionKey(standardsDecision).count() == 0) {
            return published;
        }
        for (String priority : priorities(routingDecision)) {
            DmnDecisionResult result = decisions.evaluateDecisionByKey(standardsDecision)
                    .variables(Map.of("serviceCode", serviceCode, "priority", priority)).evaluate();
            if (result.isEmpty()) {
                continue;
            }
            Map<String, Object> row = result.getSingleResult().getEntryMap();
            String acknowledge = (String) row.get("acknowledgeWithin");
            String resolve = (String) row.get("resolveWithin");
            BusinessCalendar.Clock clock = BusinessCalendar.Clock.of((String) row.get("clock"));
            published.add(new Published(priority, acknowledge, resolve, clock.name().toLowerCase(),
                    "Acknowledge within " + words(acknowledge, clock) + ", resolve within " + words(resolve, clock)
                            + (clock == BusinessCalendar.Clock.CALENDAR ? ", any time of day" : "")));
        }
        return published;
    }

    /** The priorities the routing table's rules can give, most urgent first. */
    private List<String> priorities(String routingDecision) {
        return outputs(routingDecision, "priority").stream().sorted((a, b) -> Integer.compare(rank(a), rank(b))).toList();
    }

    /**
     * The departments (groups) the live routing table's rules can send a case to, in the order of its rules: what the
     * staff directory lists as a department's services.
     */
    public List<String> departments(String routingDecision) {
        return List.copyOf(outputs(routingDecision, "departmentGroup"));
    }

    /** The literal values the latest version of a decision's rules give in one output column. */
    private Set<String> outputs(String routingDecision, String outputName) {
        DecisionDefinition definition = repository.createDecisionDefinitionQuery().decisionDefinitionKey(routingDecision)
                .latestVersion().singleResult();
        if (definition == null) {
            return Set.of();
        }
        DmnModelInstance model = repository.getDmnModelInstance(definition.getId());
        Set<String> found = new LinkedHashSet<>();
        for (DecisionTable table : model.getModelElementsByType(DecisionTable.class)) {
            List<Output> outputs = new ArrayList<>(table.getOutputs());
            int column = -1;
            for (int i = 0; i < outputs.size(); i++) {
                if (outputName.equals(outputs.get(i).getName())) {
                    column = i;
                }
            }
            if (column < 0) {
                continue;
            }
            for (Rule rule : table.getRules()) {
                OutputEntry entry = new ArrayList<>(rule.getOutputEntries()).get(column);
                String text = entry.getTextContent() == null ? "" : entry.getTextContent().trim().replace("\"", "");
                if (!text.isEmpty()) {
                    found.add(text);
                }
            }
        }
        return found;
    }

    private static int rank(String priority) {
        int index = PRIORITY_ORDER.indexOf(priority);
        return index < 0 ? PRIORITY_ORDER.size() : index;
    }

    /** "P1D" on the business clock → "1 business day"; "PT2H" on the calendar → "2 hours". */
    static String words(String iso, BusinessCalendar.Clock clock) {
        String value = iso.trim().toUpperCase();
        int t = value.indexOf('T');
        Period days = t < 0 ? Period.parse(value) : t == 1 ? Period.ZERO : Period.parse(value.substring(0, t));
        Duration time = t < 0 ? Duration.ZERO : Duration.parse("PT" + value.substring(t + 1));
        List<String> parts = new ArrayList<>();
        String dayWord = clock == BusinessCalendar.Clock.BUSINESS ? "business day" : "day";
        String hourWord = clock == BusinessCalendar.Clock.BUSINESS ? "office hour" : "hour";
        if (days.getDays() > 0) {
            parts.add(days.getDays() + " " + dayWord + (days.getDays() == 1 ? "" : "s"));
        }
        if (time.toHours() > 0) {
            parts.add(time.toHours() + " " + hourWord + (time.toHours() == 1 ? "" : "s"));
        }
        if (time.toMinutesPart() > 0) {
            parts.add(time.toMinutesPart() + " minutes");
        }
        return parts.isEmpty() ? "no time" : String.join(" and ", parts);
    }
}
