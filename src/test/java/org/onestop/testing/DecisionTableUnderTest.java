package org.onestop.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.stream.Stream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.DynamicTest;

/**
 * One decision table from {@code dmn/}, evaluated on the standalone DMN engine (the same FEEL engine the
 * process engine uses), reporting which rule matched so a test can name the row it expects. A decision test is one
 * {@code @TestFactory}: a test per case, and one that every rule of the table has a case.
 *
 * <pre>
 * &#64;TestFactory
 * Stream&lt;DynamicTest&gt; potholeRouting() {
 *     return DecisionTableUnderTest.load("dmn/routing-pothole.dmn", "PotholeRouting").check(
 *             expect("Rule_HazardIsUrgent").given("hazard", true).then("priority", "urgent", ...),
 *             ...);
 * }
 * </pre>
 */
public final class DecisionTableUnderTest {

    private static final List<DmnEvaluatedDecisionRule> LAST_MATCHES = new ArrayList<>();
    private static final DmnEngine DMN_ENGINE = buildEngine();

    private final String resource;
    private final DmnDecision decision;
    private final List<String> ruleIds;

    private DecisionTableUnderTest(String resource, DmnDecision decision, List<String> ruleIds) {
        this.resource = resource;
        this.decision = decision;
        this.ruleIds = ruleIds;
    }

    public static DecisionTableUnderTest load(String resource, String decisionKey) {
        DmnModelInstance model;
        try (InputStream in = open(resource)) {
            model = Dmn.readModelFromStream(in);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
        Decision decisionElement = model.getModelElementById(decisionKey);
        if (decisionElement == null) {
            throw new IllegalArgumentException(resource + " has no decision " + decisionKey);
        }
        List<String> ruleIds = ((DecisionTable) decisionElement.getExpression()).getRules().stream()
                .map(Rule::getId)
                .toList();
        return new DecisionTableUnderTest(resource, DMN_ENGINE.parseDecision(decisionKey, model), ruleIds);
    }

    /** Evaluates the table; fails if it yields more than one result (every table here has a single hit). */
    public synchronized Evaluation evaluate(Map<String, Object> variables) {
        LAST_MATCHES.clear();
        DmnDecisionResult result = DMN_ENGINE.evaluateDecision(decision, variables);
        List<String> matched = LAST_MATCHES.stream().map(DmnEvaluatedDecisionRule::getId).toList();
        Map<String, Object> outputs = result.isEmpty() ? Map.of() : new LinkedHashMap<>(result.getSingleResult().getEntryMap());
        return new Evaluation(matched, outputs);
    }

    /** The rule ids of the table, top to bottom. */
    public List<String> ruleIds() {
        return ruleIds;
    }

    /** Asserts that the cases, taken together, make every rule of the table match at least once. */
    public void assertEveryRuleIsExercisedBy(Collection<RuleCase> cases) {
        Set<String> hit = new LinkedHashSet<>();
        for (RuleCase c : cases) {
            hit.addAll(evaluate(c.given()).matchedRuleIds());
        }
        assertThat(hit)
                .as("rules of %s (%s) hit by the test cases", decision.getKey(), resource)
                .containsExactlyInAnyOrderElementsOf(ruleIds);
    }

    /**
     * The tests of the table: one per case, named after it ({@link #assertCase}), and "every rule has a case"
     * ({@link #assertEveryRuleIsExercisedBy}), for a {@code @TestFactory}.
     */
    public Stream<DynamicTest> check(RuleCase... cases) {
        List<RuleCase> all = List.of(cases);
        return Stream.concat(
                all.stream().map(c -> dynamicTest(c.toString(), () -> assertCase(c))),
                Stream.of(dynamicTest("every rule of " + decision.getKey() + " has a case", () -> assertEveryRuleIsExercisedBy(all))));
    }

    /** Checks one case: exactly the expected rule matches and the outputs are the expected ones. */
    public void assertCase(RuleCase c) {
        Evaluation evaluation = evaluate(c.given());
        assertThat(ruleIds).as("rule ids of %s", decision.getKey()).contains(c.expectedRuleId());
        assertThat(evaluation.matchedRuleIds()).as("matched rules for %s", c.given()).containsExactly(c.expectedRuleId());
        assertThat(evaluation.outputs()).as("outputs for %s", c.given()).isEqualTo(c.expectedOutputs());
    }

    /** Like {@code Map.of}, but allows {@code null} values (an unanswered question). */
    public static Map<String, Object> variables(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must come in pairs");
        }
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    public static RuleCase.Builder expect(String ruleId) {
        return new RuleCase.Builder(ruleId);
    }

    private static InputStream open(String resource) {
        InputStream in = DecisionTableUnderTest.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalArgumentException("not on the classpath: " + resource);
        }
        return in;
    }

    private static DmnEngine buildEngine() {
        DefaultDmnEngineConfiguration configuration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration.customPostDecisionTableEvaluationListeners(List.<DmnDecisionTableEvaluationListener>of(
                (DmnDecisionTableEvaluationEvent event) -> LAST_MATCHES.addAll(event.getMatchingRules())));
        return configuration.buildEngine();
    }

    public record Evaluation(List<String> matchedRuleIds, Map<String, Object> outputs) {
    }

    /** One row of a rule test: given these variables, this rule (by id) matches with these outputs. */
    public record RuleCase(String expectedRuleId, Map<String, Object> given, Map<String, Object> expectedOutputs) {

        @Override
        public String toString() {
            StringJoiner inputs = new StringJoiner(", ");
            given.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(e -> inputs.add(e.getKey() + "=" + e.getValue()));
            return expectedRuleId + " <- {" + inputs + "}";
        }

        public static final class Builder {
            private final String ruleId;
            private Map<String, Object> given = Map.of();

            Builder(String ruleId) {
                this.ruleId = ruleId;
            }

            public Builder given(Object... keysAndValues) {
                this.given = variables(keysAndValues);
                return this;
            }

            public RuleCase then(Object... outputNamesAndValues) {
                Map<String, Object> outputs = new LinkedHashMap<>(variables(outputNamesAndValues));
                return new RuleCase(ruleId, given, outputs);
            }
        }
    }
}
