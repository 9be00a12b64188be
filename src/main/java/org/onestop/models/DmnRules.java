package org.onestop.models;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.camunda.feel.api.FailedParseResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Walks every element, attribute and text of a DMN file. Only FEEL may evaluate (JUEL and script languages reach Java);
 * FEEL's external functions, which call Java methods, are refused even though Camunda's FEEL engine turns them off.
 * Every FEEL text must parse: an input entry as unary tests ({@code "large"}, {@code > 5}, {@code -}), an input
 * expression, output entry or literal expression as an expression, so that a typo is refused at deploy instead of
 * failing every case that reaches the rule.
 */
final class DmnRules {

    /** The names under which Camunda's DMN engine evaluates with FEEL (ExpressionEvaluationHandler). */
    static final Set<String> FEEL = Set.of("feel", "http://www.omg.org/spec/FEEL/20140401",
            "http://www.omg.org/spec/DMN/20180521/FEEL/", "https://www.omg.org/spec/DMN/20191111/FEEL/",
            "https://www.omg.org/spec/DMN/20211108/FEEL/", "https://www.omg.org/spec/DMN/20230324/FEEL/");

    private static final Set<String> EXTENSIONS = Set.of("http://camunda.org/schema/1.0/dmn");
    private static final Pattern FEEL_STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern EXTERNAL = Pattern.compile("\\bexternal\\b");
    /** The same FEEL release the engine evaluates with; parsing needs no functions, values or clock. */
    private static final FeelEngineApi FEEL_PARSER = FeelEngineBuilder.create().build();

    void check(String resource, Element element, List<ModelProblem> problems) {
        String id = SafeXml.nearestId(element, EXTENSIONS);
        if ("functionDefinition".equals(element.getLocalName()) && element.hasAttribute("kind")
                && !"FEEL".equalsIgnoreCase(element.getAttribute("kind"))) {
            problems.add(new ModelProblem(resource, id, element.getTagName() + " kind", element.getAttribute("kind"),
                    "a function in Java or PMML runs code", "write the function in FEEL"));
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            if ("expressionLanguage".equals(attribute.getLocalName())
                    && !FEEL.contains(attribute.getValue().trim().toLowerCase(java.util.Locale.ROOT))
                    && !FEEL.contains(attribute.getValue().trim())) {
                problems.add(new ModelProblem(resource, id, element.getTagName() + " " + attribute.getName(), attribute.getValue(),
                        "only FEEL may evaluate in a decision (other languages reach Java)",
                        "remove the expressionLanguage attribute (FEEL is the default) and write the expression in FEEL"));
            }
        }
        String text = SafeXml.ownText(element);
        if (EXTERNAL.matcher(FEEL_STRING.matcher(text).replaceAll("\"\"")).find()) {
            problems.add(new ModelProblem(resource, id, element.getTagName(), text.trim(),
                    "a FEEL external function calls Java", "compute it with FEEL's own functions"));
        } else {
            feelSyntax(resource, id, element, problems);
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                check(resource, e, problems);
            }
        }
    }

    /** The FEEL text of an entry or expression (its {@code <text>} child), parsed as the engine will. */
    private static void feelSyntax(String resource, String id, Element element, List<ModelProblem> problems) {
        String kind = element.getLocalName();
        boolean unaryTests = "inputEntry".equals(kind);
        if (!unaryTests && !"outputEntry".equals(kind) && !"inputExpression".equals(kind) && !"literalExpression".equals(kind)) {
            return;
        }
        if (element.hasAttribute("expressionLanguage")) {
            return; // not FEEL: refused above unless it names FEEL, and then it parses the same
        }
        String text = null;
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && "text".equals(e.getLocalName())) {
                text = e.getTextContent();
            }
        }
        if (text == null || text.isBlank() || unaryTests && "-".equals(text.strip())) {
            return; // an empty entry: any value (input) or no value (output)
        }
        if (EXTERNAL.matcher(FEEL_STRING.matcher(text).replaceAll("\"\"")).find()) {
            return; // refused as an external function, on its text
        }
        ParseResult parsed = unaryTests ? FEEL_PARSER.parseUnaryTests(text) : FEEL_PARSER.parseExpression(text);
        if (parsed.isFailure()) {
            String detail = parsed instanceof FailedParseResult failed ? failed.failure().message() : "it does not parse";
            problems.add(new ModelProblem(resource, id, element.getTagName(), text.strip(),
                    "this is not valid FEEL (" + firstLine(detail) + ")",
                    unaryTests ? "write the condition as FEEL unary tests, e.g. \"large\", > 5, [1..3], not(\"small\") or - for any value"
                            : "write a FEEL expression, e.g. \"roads\" (text in double quotes), 5, true or a variable name"));
        }
    }

    private static String firstLine(String message) {
        return message == null ? "no detail" : message.lines().findFirst().orElse(message).strip();
    }
}
