package org.onestop.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Overlaps and gaps between rules, each shown on the smallest table that has it, evaluated by Camunda's DMN engine.
 */
class DecisionCoverageTest {

    private static final EnumSet<DecisionCoverage.Look> ALL = EnumSet.allOf(DecisionCoverage.Look.class);

    /** A table with these inputs (name:typeRef) and rules (the input entries, then the output), ids Rule_1, Rule_2, … */
    private static byte[] table(String hitPolicy, List<String> inputs, String[]... rules) {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_T" name="T" namespace="http://onestop.org/dmn">
                  <decision id="T" name="T">
                    <decisionTable id="DecisionTable_T" hitPolicy="%s">
                """.formatted(hitPolicy));
        for (String input : inputs) {
            String[] nameType = input.split(":");
            xml.append("<input id=\"Input_").append(nameType[0]).append("\"><inputExpression typeRef=\"").append(nameType[1])
                    .append("\"><text>").append(nameType[0]).append("</text></inputExpression></input>\n");
        }
        xml.append("<output id=\"Output_Result\" name=\"result\" typeRef=\"string\" />\n");
        for (int r = 0; r < rules.length; r++) {
            xml.append("<rule id=\"Rule_").append(r + 1).append("\">");
            for (int i = 0; i < rules[r].length - 1; i++) {
                xml.append("<inputEntry><text>").append(rules[r][i].replace("<", "&lt;")).append("</text></inputEntry>");
            }
            xml.append("<outputEntry><text>").append(rules[r][rules[r].length - 1]).append("</text></outputEntry></rule>\n");
        }
        xml.append("</decisionTable></decision></definitions>");
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<ModelProblem> check(byte[] table, Map<String, List<Object>> known) {
        List<ModelProblem> problems = new ArrayList<>();
        DecisionCoverage.check("t.dmn", table, "T", known, "the form", ALL, problems);
        return problems;
    }

    private static List<ModelProblem> check(byte[] table) {
        return check(table, Map.of());
    }

    private static String[] rule(String... entries) {
        return entries;
    }

    @Test
    void aTableWithACatchAllLastHasNoGapAndNoDeadRule() {
        assertThat(check(table("FIRST", List.of("size:string", "hazard:boolean"),
                rule("\"large\"", "", "\"high\""), rule("", "true", "\"urgent\""), rule("-", "-", "\"normal\"")))).isEmpty();
    }

    @Test
    void aTextNoRuleNamesIsAGap() {
        assertThat(check(table("FIRST", List.of("size:string"), rule("\"large\"", "\"high\""), rule("\"small\"", "\"low\""))))
                .singleElement().satisfies(p -> {
                    assertThat(p.elementId()).isEqualTo("T");
                    assertThat(p.expression()).isEqualTo("size = any other value");
                    assertThat(p.problem()).contains("no rule decides", "no result");
                });
    }

    @Test
    void aBooleanAnsweredOnlyOneWayIsAGap() {
        assertThat(check(table("UNIQUE", List.of("hazard:boolean"), rule("true", "\"urgent\""))))
                .extracting(ModelProblem::expression).containsExactly("hazard = false");
    }

    @Test
    void numbersAreCheckedAtAndBesideEveryBoundary() {
        assertThat(check(table("FIRST", List.of("count:integer"), rule("< 10", "\"few\""), rule(">= 10", "\"many\"")))).isEmpty();
        assertThat(check(table("FIRST", List.of("count:integer"), rule("< 10", "\"few\""), rule("> 10", "\"many\""))))
                .extracting(ModelProblem::expression).containsExactly("count = 10");
        assertThat(check(table("FIRST", List.of("depth:double"), rule("<= 2.5", "\"shallow\""), rule("> 2.6", "\"deep\""))))
                .extracting(ModelProblem::expression).containsExactly("depth = 2.55; depth = 2.6");
        assertThat(check(table("UNIQUE", List.of("depth:double"), rule("[1..5]", "\"a\""), rule("[5..9]", "\"b\""), rule("< 1, > 9", "\"c\""))))
                .extracting(ModelProblem::elementId, ModelProblem::expression)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Rule_1", "depth = 5.0"));
    }

    @Test
    void aRuleBelowTheCatchAllNeverDecides() {
        assertThat(check(table("FIRST", List.of("size:string"), rule("-", "\"normal\""), rule("\"large\"", "\"high\""))))
                .singleElement().satisfies(p -> {
                    assertThat(p.elementId()).isEqualTo("Rule_2");
                    assertThat(p.problem()).contains("never decides");
                });
        // covered by two rules above it together
        assertThat(check(table("FIRST", List.of("size:string", "hazard:boolean"), rule("", "true", "\"urgent\""),
                rule("", "false", "\"normal\""), rule("\"large\"", "", "\"high\""))))
                .extracting(ModelProblem::elementId).containsExactly("Rule_3");
    }

    @Test
    void uniqueForbidsTwoMatchesAnyOnlyWithDifferentOutputs() {
        assertThat(check(table("UNIQUE", List.of("size:string"), rule("\"large\"", "\"high\""), rule("not(\"small\")", "\"normal\""),
                rule("\"small\"", "\"low\""))))
                .singleElement().satisfies(p -> {
                    assertThat(p.elementId()).isEqualTo("Rule_1");
                    assertThat(p.expression()).isEqualTo("size = \"large\"");
                    assertThat(p.problem()).contains("Rule_1 and Rule_2", "Unique");
                });
        assertThat(check(table("ANY", List.of("size:string"), rule("\"large\"", "\"high\""), rule("-", "\"high\"")))).isEmpty();
        assertThat(check(table("ANY", List.of("size:string"), rule("\"large\"", "\"high\""), rule("-", "\"normal\""))))
                .extracting(ModelProblem::problem).singleElement().asString().contains("hit policy Any");
    }

    @Test
    void withKnownValuesARuleForAnAnswerNobodyCanGiveIsFound() {
        Map<String, List<Object>> form = Map.of("size", List.of("small", "medium", "large"));
        assertThat(check(table("FIRST", List.of("size:string"), rule("\"larg\"", "\"high\""), rule("-", "\"normal\"")), form))
                .singleElement().satisfies(p -> {
                    assertThat(p.elementId()).isEqualTo("Rule_1");
                    assertThat(p.problem()).contains("matches none of the values", "size from the form");
                });
        // the form's options are all there is: no "any other value" gap
        assertThat(check(table("FIRST", List.of("size:string"), rule("\"small\",\"medium\"", "\"low\""), rule("\"large\"", "\"high\"")), form))
                .isEmpty();
        // an optional question can be left unanswered
        assertThat(check(table("FIRST", List.of("size:string"), rule("\"small\",\"medium\"", "\"low\""), rule("\"large\"", "\"high\"")),
                Map.of("size", Arrays.asList("small", "medium", "large", null))))
                .extracting(ModelProblem::expression).containsExactly("size = no answer");
    }

    @Test
    void policiesThatCollectEveryMatchAndTablesItCannotEnumerateAreNotChecked() {
        assertThat(check(table("COLLECT", List.of("size:string"), rule("\"large\"", "\"high\"")))).isEmpty();
        assertThat(check(table("RULE ORDER", List.of("size:string"), rule("\"large\"", "\"high\"")))).isEmpty();
        assertThat(check(table("FIRST", List.of("received:date"), rule("< date(\"2026-01-01\")", "\"old\"")))).isEmpty();
    }

    @Test
    void theShippedTablesAreCheckedByTheModelCheck() throws Exception {
        ModelCheck modelCheck = new ModelCheck(java.util.Set.of(), java.util.Set.of());
        for (var file : ModelFilesTest.files(".dmn").entrySet()) {
            assertThat(modelCheck.check(file.getKey(), file.getValue())).as(file.getKey()).isEmpty();
        }
        String escalation = new String(ModelFilesTest.files(".dmn").get("escalation-policy.dmn"), StandardCharsets.UTF_8);
        String lastRule = escalation.substring(escalation.lastIndexOf("<rule "), escalation.lastIndexOf("</rule>") + "</rule>".length());
        List<ModelProblem> withoutCatchAll = modelCheck.check("escalation-policy.dmn",
                escalation.replace(lastRule, "").getBytes(StandardCharsets.UTF_8));
        assertThat(withoutCatchAll).extracting(ModelProblem::where).containsExactly("rules");
        assertThat(withoutCatchAll.get(0).expression()).startsWith("priority = \"");
    }
}
