package org.onestop.models;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * Overlaps and gaps between a decision table's rules, where its hit policy makes them matter, found by evaluating the
 * table with Camunda's own DMN engine on every combination of the values its inputs can take.
 * <p>
 * The values: a boolean input true and false; a number the numbers its rules name, the ones just beside each and one
 * beyond either end; a text input the texts its rules name and one value none of them names ("any other value"),
 * unless the values are known (a service's start-form options, OneStop's priorities). So the combinations stand for
 * every input a case can bring: two inputs that differ only in values no rule names are decided alike.
 * <ul>
 * <li><b>Gaps</b> (hit policies Unique, First, Priority, Any): a combination no rule matches leaves the case without
 * the table's outputs.</li>
 * <li><b>Overlaps:</b> with Unique, two rules matching one combination fail every case that brings it; with Any, two
 * rules matching it with different outputs do; with First, a rule that never comes first is dead (the rules above it
 * take every case it matches), which is how a rule added below the catch-all goes unnoticed.</li>
 * <li>With known values, a rule that matches none of them (a typo such as {@code "larg"}) never decides.</li>
 * </ul>
 * Collect, Rule order and Output order give every match by design: they are not checked. A table whose inputs are
 * not plain variable names, whose type is neither boolean, number nor text, or with more than
 * {@link #MOST_COMBINATIONS} combinations is not checked either (said nowhere as a problem: it is not one).
 */
final class DecisionCoverage {

    static final int MOST_COMBINATIONS = 20_000;
    /** Shown in problems for the value no rule names. */
    static final String ANY_OTHER = "any other value";
    private static final String OTHER_TEXT = "\u0000onestop-other-value";
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern FEEL_STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern FEEL_NUMBER = Pattern.compile("(?<![\\w\"])-?\\d+(?:\\.\\d+)?(?![\\w\"])");
    private static final Set<String> NUMBER_TYPES = Set.of("integer", "long", "double", "number");
    private static final Set<String> INTEGER_TYPES = Set.of("integer", "long");
    private static final int EXAMPLES = 3;

    private static final ThreadLocal<List<String>> MATCHED = new ThreadLocal<>();
    private static final DmnEngine DMN = engine();

    private static DmnEngine engine() {
        DmnEngineConfiguration configuration = DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        DmnDecisionTableEvaluationListener listener = (DmnDecisionTableEvaluationEvent event) -> {
            List<String> matched = MATCHED.get();
            if (matched != null) {
                for (DmnEvaluatedDecisionRule rule : event.getMatchingRules()) {
                    matched.add(rule.getId());
                }
            }
        };
        configuration.setCustomPostDecisionTableEvaluationListeners(new ArrayList<>(List.of(listener)));
        return configuration.buildEngine();
    }

    /** What the check looks for. */
    enum Look {
        /** Combinations no rule matches. */
        GAPS,
        /** Rules matching one combination where the hit policy forbids it, and rules that never come first. */
        OVERLAPS,
        /** Rules that match none of the known values. */
        UNMATCHED
    }

    private record Input(String name, String label, List<Object> values) {
    }

    private DecisionCoverage() {
    }

    /**
     * Checks one decision table.
     *
     * @param known       the values an input can take, by the variable its expression names, where they are known
     * @param knownSource where the known values come from, for the problem's wording ("the form pothole-start")
     */
    static void check(String resource, byte[] xml, String decisionId, Map<String, List<Object>> known, String knownSource,
                      Set<Look> look, List<ModelProblem> problems) {
        Document document;
        try {
            document = SafeXml.parse(xml);
        } catch (SAXException | IOException e) {
            return; // the file's own check says why
        }
        for (Element decision : ServiceRules.elements(document.getDocumentElement(), null, "decision")) {
            if (decisionId != null && !decisionId.equals(decision.getAttribute("id"))) {
                continue;
            }
            for (Element table : ServiceRules.elements(decision, null, "decisionTable")) {
                table(resource, document, decision.getAttribute("id"), table, known, knownSource, look, problems);
            }
        }
    }

    private static void table(String resource, Document document, String decisionId, Element table,
                              Map<String, List<Object>> known, String knownSource, Set<Look> look, List<ModelProblem> problems) {
        String hitPolicy = table.hasAttribute("hitPolicy") ? table.getAttribute("hitPolicy").trim().toUpperCase(Locale.ROOT) : "UNIQUE";
        if (!Set.of("UNIQUE", "FIRST", "PRIORITY", "ANY").contains(hitPolicy)) {
            return;
        }
        List<Element> inputElements = children(table, "input");
        List<Element> rules = children(table, "rule");
        if (inputElements.isEmpty() || rules.isEmpty()) {
            return;
        }
        List<Input> inputs = new ArrayList<>();
        Set<String> knownInputs = new LinkedHashSet<>();
        for (int column = 0; column < inputElements.size(); column++) {
            Input input = input(inputElements.get(column), column, rules, known);
            if (input == null) {
                return;
            }
            if (known.containsKey(input.name())) {
                knownInputs.add(input.name());
            }
            inputs.add(input);
        }
        long combinations = 1;
        for (Input input : inputs) {
            combinations *= input.values().size();
            if (combinations > MOST_COMBINATIONS) {
                return;
            }
        }
        List<String> ruleIds = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            Element rule = rules.get(i);
            if (rule.getAttribute("id").isBlank()) {
                rule.setAttribute("id", "Rule_" + (i + 1));
            }
            ruleIds.add(rule.getAttribute("id"));
        }
        // Every rule that matches, in order: evaluated as Collect, which the listener sees rule by rule.
        String originalPolicy = table.getAttribute("hitPolicy");
        String aggregation = table.getAttribute("aggregation");
        table.setAttribute("hitPolicy", "COLLECT");
        table.removeAttribute("aggregation");
        DmnDecision collect;
        try {
            collect = DMN.parseDecision(decisionId, new ByteArrayInputStream(serialize(document)));
        } catch (RuntimeException | TransformerException e) {
            return; // the engine refuses the table itself: the file's own check or the deploy says why
        } finally {
            table.setAttribute("hitPolicy", originalPolicy);
            if (!aggregation.isEmpty()) {
                table.setAttribute("aggregation", aggregation);
            }
        }

        Map<String, Integer> firstCount = new LinkedHashMap<>();
        Map<String, Integer> matchCount = new LinkedHashMap<>();
        List<String> gaps = new ArrayList<>();
        long gapCount = 0;
        Map<String, String> overlaps = new LinkedHashMap<>();
        int[] index = new int[inputs.size()];
        for (long n = 0; n < combinations; n++) {
            VariableMap variables = Variables.createVariables();
            for (int i = 0; i < inputs.size(); i++) {
                variables.putValue(inputs.get(i).name(), inputs.get(i).values().get(index[i]));
            }
            List<String> matched = new ArrayList<>();
            MATCHED.set(matched);
            List<Map<String, Object>> outputs;
            try {
                outputs = DMN.evaluateDecisionTable(collect, variables).getResultList();
            } catch (RuntimeException e) {
                return; // a value the table cannot take (a type it converts differently): no finding is trustworthy
            } finally {
                MATCHED.remove();
            }
            if (matched.isEmpty()) {
                if (gapCount++ < EXAMPLES) {
                    gaps.add(describe(inputs, index));
                }
            } else {
                firstCount.merge(matched.get(0), 1, Integer::sum);
                matched.forEach(id -> matchCount.merge(id, 1, Integer::sum));
                if (matched.size() > 1 && ("UNIQUE".equals(hitPolicy)
                        || ("ANY".equals(hitPolicy) && outputs.stream().map(LinkedHashMap::new).distinct().count() > 1))) {
                    overlaps.putIfAbsent(String.join(" and ", matched), describe(inputs, index));
                }
            }
            for (int i = inputs.size() - 1; i >= 0; i--) {
                if (++index[i] < inputs.get(i).values().size()) {
                    break;
                }
                index[i] = 0;
            }
        }

        if (look.contains(Look.GAPS) && gapCount > 0) {
            problems.add(new ModelProblem(resource, decisionId, "rules", String.join("; ", gaps)
                    + (gapCount > gaps.size() ? " (and " + (gapCount - gaps.size()) + " more)" : ""),
                    "no rule decides for these inputs, so a case that brings them gets no " + outputNames(table),
                    "add a rule for them, or end the table with a rule that has \"-\" in every input (a catch-all)"));
        }
        if (!look.contains(Look.OVERLAPS)) {
            overlaps.clear();
        }
        overlaps.forEach((rulesMatched, example) -> problems.add(new ModelProblem(resource, rulesMatched.split(" and ")[0], "rules", example,
                "rules " + rulesMatched + " all match these inputs"
                        + ("UNIQUE".equals(hitPolicy) ? ", which the hit policy Unique forbids" : " with different outputs, which the hit policy Any forbids")
                        + ": every case that brings them would fail",
                "make the rules' inputs exclusive, or change the hit policy to First and order the rules")));
        for (String rule : ruleIds) {
            if (!matchCount.containsKey(rule)) {
                if (look.contains(Look.UNMATCHED) && !knownInputs.isEmpty()) {
                    problems.add(new ModelProblem(resource, rule, "input entries", null,
                            "the rule matches none of the values its inputs can take (" + String.join(", ", knownInputs) + " from " + knownSource
                                    + "), so it never decides",
                            "correct its input entries to values " + knownSource + " offers"));
                }
            } else if (look.contains(Look.OVERLAPS) && "FIRST".equals(hitPolicy) && !firstCount.containsKey(rule)) {
                problems.add(new ModelProblem(resource, rule, "rules", null,
                        "the rule never decides: with the hit policy First, the rules above it match every case it matches",
                        "move it above the rules that catch its cases (a catch-all belongs last), or remove it"));
            }
        }
    }

    /** An input's name and the values that stand for every value it can take; null when the table cannot be enumerated. */
    private static Input input(Element input, int column, List<Element> rules, Map<String, List<Object>> known) {
        Element expression = child(input, "inputExpression");
        if (expression == null) {
            return null;
        }
        Element textElement = child(expression, "text");
        String name = textElement == null ? "" : textElement.getTextContent().strip();
        if (!NAME.matcher(name).matches()) {
            return null;
        }
        String label = input.getAttribute("label").isBlank() ? name : input.getAttribute("label");
        if (known.containsKey(name)) {
            return new Input(name, label, known.get(name));
        }
        String type = expression.getAttribute("typeRef").strip().toLowerCase(Locale.ROOT);
        List<String> entries = new ArrayList<>();
        for (Element rule : rules) {
            List<Element> inputEntries = children(rule, "inputEntry");
            if (column < inputEntries.size()) {
                Element text = child(inputEntries.get(column), "text");
                entries.add(text == null ? "" : text.getTextContent().strip());
            }
        }
        if ("boolean".equals(type)) {
            return new Input(name, label, List.of(true, false));
        }
        if (NUMBER_TYPES.contains(type)) {
            return new Input(name, label, numbers(entries, INTEGER_TYPES.contains(type)));
        }
        if ("string".equals(type) || type.isEmpty()) {
            Set<Object> values = new LinkedHashSet<>();
            for (String entry : entries) {
                String withoutStrings = FEEL_STRING.matcher(entry).replaceAll("");
                if (type.isEmpty() && !withoutStrings.replaceAll("[\\s,\\-()]|not", "").isEmpty()) {
                    return null; // untyped and not only texts: cannot tell what values stand for it
                }
                Matcher strings = FEEL_STRING.matcher(entry);
                while (strings.find()) {
                    values.add(strings.group(1).replace("\\\"", "\""));
                }
            }
            values.add(OTHER_TEXT);
            return new Input(name, label, List.copyOf(values));
        }
        return null;
    }

    private static List<Object> numbers(List<String> entries, boolean integers) {
        TreeSet<BigDecimal> named = new TreeSet<>();
        for (String entry : entries) {
            Matcher number = FEEL_NUMBER.matcher(FEEL_STRING.matcher(entry).replaceAll("\"\""));
            while (number.find()) {
                named.add(new BigDecimal(number.group()));
            }
        }
        if (named.isEmpty()) {
            return List.of(integers ? (Object) 0L : (Object) 0.0);
        }
        TreeSet<BigDecimal> values = new TreeSet<>(named);
        values.add(named.first().subtract(BigDecimal.ONE));
        values.add(named.last().add(BigDecimal.ONE));
        BigDecimal previous = null;
        for (BigDecimal n : named) {
            if (integers) {
                values.add(n.subtract(BigDecimal.ONE));
                values.add(n.add(BigDecimal.ONE));
            } else if (previous != null) {
                values.add(previous.add(n).divide(BigDecimal.valueOf(2)));
            }
            previous = n;
        }
        List<Object> result = new ArrayList<>();
        for (BigDecimal value : values) {
            if (integers) {
                if (value.stripTrailingZeros().scale() <= 0) {
                    result.add(value.longValue());
                }
            } else {
                result.add(value.doubleValue());
            }
        }
        return result;
    }

    private static String describe(List<Input> inputs, int[] index) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            Object value = inputs.get(i).values().get(index[i]);
            String shown = value == null ? "no answer" : OTHER_TEXT.equals(value) ? ANY_OTHER
                    : value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
            parts.add(inputs.get(i).name() + " = " + shown);
        }
        return String.join(", ", parts);
    }

    private static String outputNames(Element table) {
        List<String> names = new ArrayList<>();
        for (Element output : children(table, "output")) {
            names.add(output.getAttribute("name").isBlank() ? output.getAttribute("label") : output.getAttribute("name"));
        }
        return names.isEmpty() ? "result" : String.join(" or ", names);
    }

    private static byte[] serialize(Document document) throws TransformerException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TransformerFactory factory = TransformerFactory.newInstance();
        factory.setAttribute(javax.xml.XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(javax.xml.XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
        factory.newTransformer().transform(new DOMSource(document), new StreamResult(out));
        return out.toByteArray();
    }

    private static Element child(Element parent, String localName) {
        List<Element> found = children(parent, localName);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String localName) {
        return SafeXml.children(parent, localName);
    }
}
