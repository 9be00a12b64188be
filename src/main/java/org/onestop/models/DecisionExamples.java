package org.onestop.models;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.onestop.shared.Csv;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * A decision table's examples, kept beside it as a plain table a process owner edits in a spreadsheet
 * ({@code dmn/routing-pothole.examples.csv} for {@code dmn/routing-pothole.dmn}): a header naming the table's inputs (as
 * written in its input expressions) and then {@code expected <output>} columns, and one example per line. Each line is
 * evaluated with the same DMN engine Camunda runs; every output it expects must come out exactly. An empty input cell
 * is a value not given; lines starting with {@code #} are comments. Cells are separated by commas, and a cell holding a
 * comma is written in double quotes.
 */
public final class DecisionExamples {

    static final String EXPECTED = "expected ";
    private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    private DecisionExamples() {
    }

    /**
     * Evaluates every example of {@code examples} (the CSV's name and text) against the decision table(s) of
     * {@code dmn}; the examples name no decision when the file holds one, else the first column is {@code decision}.
     */
    public static List<ModelProblem> check(String examplesName, String examples, byte[] dmn) {
        List<ModelProblem> problems = new ArrayList<>();
        Map<String, String> inputTypes = new LinkedHashMap<>();
        List<String> decisionIds = new ArrayList<>();
        try {
            Document document = SafeXml.parse(dmn);
            for (Element decision : ServiceRules.elements(document.getDocumentElement(), null, "decision")) {
                decisionIds.add(decision.getAttribute("id"));
            }
            for (Element input : ServiceRules.elements(document.getDocumentElement(), null, "inputExpression")) {
                String text = input.getTextContent().strip();
                inputTypes.put(text, input.getAttribute("typeRef"));
            }
        } catch (SAXException | IOException e) {
            problems.add(new ModelProblem(examplesName, null, null, null, "its decision file cannot be read", "fix the decision file first"));
            return problems;
        }
        List<String[]> lines = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        String[] rawLines = examples.split("\r?\n", -1);
        for (int i = 0; i < rawLines.length; i++) {
            String line = rawLines[i];
            if (!line.isBlank() && !line.stripLeading().startsWith("#")) {
                lines.add(cells(line));
                lineNumbers.add(i + 1);
            }
        }
        if (lines.isEmpty()) {
            problems.add(new ModelProblem(examplesName, null, null, null, "the file has no header line", "start with the inputs' names and expected <output> columns"));
            return problems;
        }
        String[] header = lines.get(0);
        boolean namesDecision = header.length > 0 && "decision".equals(header[0].strip());
        if (!namesDecision && decisionIds.size() != 1) {
            problems.add(new ModelProblem(examplesName, null, "line " + lineNumbers.get(0), null,
                    "the decision file holds " + decisionIds.size() + " decisions", "add a first column named decision with each example's decision id"));
            return problems;
        }
        boolean anyExpected = false;
        for (int c = namesDecision ? 1 : 0; c < header.length; c++) {
            String name = header[c].strip();
            if (name.startsWith(EXPECTED)) {
                anyExpected = true;
            } else if (!inputTypes.containsKey(name)) {
                problems.add(new ModelProblem(examplesName, null, "line " + lineNumbers.get(0), name,
                        "no input of the decision table is written as this", "use the inputs' expressions: " + String.join(", ", inputTypes.keySet())));
            }
        }
        if (!anyExpected) {
            problems.add(new ModelProblem(examplesName, null, "line " + lineNumbers.get(0), null,
                    "no column says what the table should decide", "add columns named expected <output>, e.g. expected departmentGroup"));
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        Map<String, DmnDecision> parsed = new LinkedHashMap<>();
        for (int l = 1; l < lines.size(); l++) {
            String[] cells = lines.get(l);
            String where = "line " + lineNumbers.get(l);
            if (cells.length != header.length) {
                problems.add(new ModelProblem(examplesName, null, where, null,
                        "the line has " + cells.length + " cells and the header " + header.length, "give every column a cell (empty for a value not given)"));
                continue;
            }
            String decisionId = namesDecision ? cells[0].strip() : decisionIds.get(0);
            DmnDecision decision;
            try {
                decision = parsed.computeIfAbsent(decisionId, id -> DMN.parseDecision(id, new ByteArrayInputStream(dmn)));
            } catch (RuntimeException e) {
                problems.add(new ModelProblem(examplesName, decisionId, where, decisionId, "the decision file has no such decision (or it does not parse)",
                        "use one of " + String.join(", ", decisionIds)));
                continue;
            }
            VariableMap variables = Variables.createVariables();
            Map<String, String> expected = new LinkedHashMap<>();
            try {
                for (int c = namesDecision ? 1 : 0; c < header.length; c++) {
                    String name = header[c].strip();
                    String cell = cells[c].strip();
                    if (name.startsWith(EXPECTED)) {
                        expected.put(name.substring(EXPECTED.length()).strip(), cell);
                    } else if (!cell.isEmpty()) {
                        variables.putValue(name, value(inputTypes.get(name), cell));
                    }
                }
            } catch (IllegalArgumentException e) {
                problems.add(new ModelProblem(examplesName, decisionId, where, null, e.getMessage(), "correct the cell"));
                continue;
            }
            DmnDecisionTableResult result;
            try {
                result = DMN.evaluateDecisionTable(decision, variables);
            } catch (RuntimeException e) {
                problems.add(new ModelProblem(examplesName, decisionId, where, null, "the table fails on this example (" + e.getMessage() + ")",
                        "correct the table's rules or the example"));
                continue;
            }
            DmnDecisionRuleResult first = result.isEmpty() ? null : result.getFirstResult();
            expected.forEach((output, want) -> {
                Object got = first == null ? null : first.getEntry(output);
                String gotText = got == null ? "" : got instanceof BigDecimal b ? b.stripTrailingZeros().toPlainString() : got.toString();
                if (!Objects.equals(want, gotText)) {
                    problems.add(new ModelProblem(examplesName, decisionId, where, output,
                            "expected " + (want.isEmpty() ? "no value" : "\"" + want + "\"") + " but the table decides "
                                    + (first == null ? "nothing (no rule matches)" : gotText.isEmpty() ? "no value" : "\"" + gotText + "\""),
                            "change the rule that should match, or the example if the table is right"));
                }
            });
        }
        return problems;
    }

    private static Object value(String typeRef, String cell) {
        String type = typeRef == null ? "string" : typeRef.toLowerCase(java.util.Locale.ROOT);
        switch (type) {
            case "boolean" -> {
                if (!cell.equals("true") && !cell.equals("false")) {
                    throw new IllegalArgumentException("\"" + cell + "\" is not true or false");
                }
                return Boolean.parseBoolean(cell);
            }
            case "integer", "long", "double", "number" -> {
                try {
                    BigDecimal number = new BigDecimal(cell);
                    return type.equals("double") || type.equals("number") ? number.doubleValue() : number.longValueExact();
                } catch (NumberFormatException | ArithmeticException e) {
                    throw new IllegalArgumentException("\"" + cell + "\" is not a " + type);
                }
            }
            default -> {
                return cell;
            }
        }
    }

    /** One CSV line's cells (RFC 4180 quoting). */
    static String[] cells(String line) {
        return Csv.cells(line).toArray(String[]::new);
    }

    /** The examples file that goes with a decision file: {@code routing-pothole.dmn} → {@code routing-pothole.examples.csv}. */
    public static String examplesFor(String dmnFileName) {
        return dmnFileName.replaceFirst("\\.dmn$", "") + ".examples.csv";
    }
}
