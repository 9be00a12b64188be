package org.onestop.models;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Walks every element, attribute and text of a DMN file. Only FEEL may evaluate (JUEL and script languages reach Java);
 * FEEL's external functions, which call Java methods, are refused even though Camunda's FEEL engine turns them off.
 */
final class DmnRules {

    /** The names under which Camunda's DMN engine evaluates with FEEL (ExpressionEvaluationHandler). */
    static final Set<String> FEEL = Set.of("feel", "http://www.omg.org/spec/FEEL/20140401",
            "http://www.omg.org/spec/DMN/20180521/FEEL/", "https://www.omg.org/spec/DMN/20191111/FEEL/",
            "https://www.omg.org/spec/DMN/20211108/FEEL/", "https://www.omg.org/spec/DMN/20230324/FEEL/");

    private static final Set<String> EXTENSIONS = Set.of("http://camunda.org/schema/1.0/dmn");
    private static final Pattern FEEL_STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern EXTERNAL = Pattern.compile("\\bexternal\\b");

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
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                check(resource, e, problems);
            }
        }
    }
}
