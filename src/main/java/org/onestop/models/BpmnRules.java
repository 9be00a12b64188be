package org.onestop.models;

import java.util.List;
import java.util.Set;

import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Walks every element, attribute and text of a BPMN file. Scripts, Java classes, connectors and custom validators are
 * refused wherever they are; a delegate expression must name a model bean; every other expression must follow
 * {@link ExpressionRules}.
 */
final class BpmnRules {

    /** Camunda's extension namespace, and the Activiti one the engine still reads the same way. */
    static final Set<String> EXTENSIONS = Set.of("http://camunda.org/schema/1.0/bpmn", "http://activiti.org/bpmn");

    private static final String NO_CODE_FIX = "use a service task with a model bean (camunda:delegateExpression=\"${bean}\"), "
            + "a user task, or a decision table";

    private final ExpressionRules rules;

    private static boolean isExtension(String namespace) {
        return namespace != null && EXTENSIONS.contains(namespace);
    }

    BpmnRules(ExpressionRules rules) {
        this.rules = rules;
    }

    void check(String resource, Element element, List<ModelProblem> problems) {
        String id = SafeXml.nearestId(element, EXTENSIONS);
        boolean extension = isExtension(element.getNamespaceURI());
        String name = element.getLocalName();
        if ("scriptTask".equals(name) || extension && "script".equals(name)) {
            problems.add(new ModelProblem(resource, id, element.getTagName(), null, "scripts may not run in OneStop's engine", NO_CODE_FIX));
        } else if (extension && "connector".equals(name)) {
            problems.add(new ModelProblem(resource, id, element.getTagName(), null, "connectors are not available in OneStop", NO_CODE_FIX));
        } else if (extension && "constraint".equals(name) && "validator".equals(element.getAttribute("name"))) {
            problems.add(new ModelProblem(resource, id, element.getTagName() + " name=\"validator\"", element.getAttribute("config"),
                    "a custom validator is Java code", "use the built-in constraints (required, minlength, maxlength, min, max, readonly)"));
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            attribute(resource, id, element, extension, (Attr) attributes.item(i), problems);
        }
        expressions(resource, id, where(element), SafeXml.ownText(element), problems);
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                check(resource, e, problems);
            }
        }
    }

    private void attribute(String resource, String id, Element element, boolean extensionElement, Attr attribute,
                           List<ModelProblem> problems) {
        String namespace = attribute.getNamespaceURI();
        if ("http://www.w3.org/2000/xmlns/".equals(namespace)) {
            return;
        }
        // camunda:class on a task, and class="..." on a camunda:executionListener, are the same thing
        boolean camunda = isExtension(namespace) || namespace == null && extensionElement;
        String name = attribute.getLocalName();
        String where = namespace == null && extensionElement ? element.getTagName() + " " + attribute.getName() : attribute.getName();
        String value = attribute.getValue();
        if (namespace == null && "language".equals(name)) {
            problems.add(new ModelProblem(resource, id, where, value, "an expression in a script language runs code",
                    "remove the language attribute and write the condition as ${...}"));
        } else if (camunda && name.endsWith("Class") || camunda && "class".equals(name)) {
            problems.add(new ModelProblem(resource, id, where, value, "a Java class may not be named in a model", NO_CODE_FIX));
        } else if (camunda && ("resource".equals(name) || "scriptFormat".equals(name))) {
            problems.add(new ModelProblem(resource, id, where, value, "scripts may not run in OneStop's engine", NO_CODE_FIX));
        } else if (camunda && name.endsWith("DelegateExpression") || camunda && "delegateExpression".equals(name)) {
            String bean = ExpressionRules.beanReference(value);
            if (bean == null || !rules.isModelBean(bean)) {
                problems.add(new ModelProblem(resource, id, where, value, "a delegate must be exactly ${bean} for a model bean",
                        "use one of " + rules.modelBeanList()));
            }
        } else {
            expressions(resource, id, where, value, problems);
        }
    }

    private void expressions(String resource, String id, String where, String text, List<ModelProblem> problems) {
        for (String expression : ExpressionRules.find(text)) {
            for (ExpressionRules.Finding finding : rules.check(expression)) {
                problems.add(new ModelProblem(resource, id, where, expression, finding.problem(), finding.fix()));
            }
        }
    }

    /** An element as a person finds it in the Modeler: its tag, and its name if it has one (an input or output). */
    private static String where(Element element) {
        return element.hasAttribute("name") && isExtension(element.getNamespaceURI())
                ? element.getTagName() + " name=\"" + element.getAttribute("name") + "\"" : element.getTagName();
    }
}
