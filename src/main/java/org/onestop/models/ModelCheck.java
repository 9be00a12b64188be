package org.onestop.models;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/**
 * The check every model passes before the engine deploys it (and that a process owner can run on their files first).
 * BPMN: no scripts, no Java classes, delegates only to model beans, expressions only as {@link ExpressionRules} allow.
 * DMN: FEEL only, that parses, no external functions. Forms: valid JSON that form-js and OneStop can read ({@link FormRules}). CMMN: refused, OneStop runs none.
 * Other files in a deployment are not models and pass.
 */
public final class ModelCheck {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ExpressionRules rules;

    /**
     * @param modelBeans the beans models may use (the {@link ModelBean}s)
     * @param springBeans every other bean name, so that naming one is refused as a bean, not taken for a variable
     */
    public ModelCheck(Set<String> modelBeans, Set<String> springBeans) {
        this.rules = new ExpressionRules(modelBeans, springBeans);
    }

    /** The checks across a deployment's files and what is live ({@link ServiceRules}), with these expression rules. */
    ServiceRules across(java.util.Map<String, byte[]> files, ServiceRules.Deployed deployed) {
        return new ServiceRules(files, deployed, rules);
    }

    /** Whether the engine reads this resource as a model (and this check looks into it). */
    public static boolean isModel(String resourceName) {
        return kind(resourceName) != null;
    }

    /** Everything wrong with one resource of a deployment; empty when it may be deployed. */
    public List<ModelProblem> check(String resourceName, byte[] content) {
        String kind = kind(resourceName);
        if (kind == null) {
            return List.of();
        }
        String resource = shortName(resourceName);
        List<ModelProblem> problems = new ArrayList<>();
        switch (kind) {
            case "bpmn" -> xml(resource, content, problems, document -> new BpmnRules(rules).check(resource, document.getDocumentElement(), problems));
            case "dmn" -> xml(resource, content, problems, document -> {
                new DmnRules().check(resource, document.getDocumentElement(), problems);
                if (problems.isEmpty()) {
                    coverage(resource, content, document, problems);
                }
            });
            case "form" -> {
                try {
                    FormRules.check(resource, JSON.readTree(content), problems);
                } catch (IOException e) {
                    problems.add(new ModelProblem(resource, null, null, null, "the form is not valid JSON (" + firstLine(e.getMessage()) + ")",
                            "save it again from Camunda Modeler"));
                }
            }
            default -> problems.add(new ModelProblem(resource, null, null, null, "OneStop does not run CMMN cases",
                    "model the work as a BPMN process"));
        }
        return problems;
    }

    /**
     * Overlaps and gaps of each decision table ({@link DecisionCoverage}). A routing table's gaps are checked against
     * its service's form by {@link ServiceRules}; a standards table's only at the priorities each service's routing
     * gives, also there: here both are checked for overlaps only.
     */
    private static void coverage(String resource, byte[] content, Document document, List<ModelProblem> problems) {
        for (org.w3c.dom.Element decision : ServiceRules.elements(document.getDocumentElement(), null, "decision")) {
            Set<String> outputs = new java.util.HashSet<>();
            for (org.w3c.dom.Element output : ServiceRules.elements(decision, null, "output")) {
                outputs.add(output.getAttribute("name"));
            }
            boolean checkedAgainstServices = outputs.contains("departmentGroup") || outputs.contains("resolveWithin");
            DecisionCoverage.check(resource, content, decision.getAttribute("id"), java.util.Map.of("priority", PRIORITY_VALUES),
                    "OneStop's priorities", checkedAgainstServices ? java.util.EnumSet.of(DecisionCoverage.Look.OVERLAPS)
                            : java.util.EnumSet.allOf(DecisionCoverage.Look.class), problems);
        }
    }

    private static final List<Object> PRIORITY_VALUES = List.copyOf(ServiceRules.PRIORITIES);

    private static String kind(String resourceName) {
        String name = resourceName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
            return "bpmn";
        } else if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
            return "dmn";
        } else if (name.endsWith(".form")) {
            return "form";
        } else if (name.endsWith(".cmmn") || name.endsWith(".cmmn10.xml") || name.endsWith(".cmmn11.xml")) {
            return "cmmn";
        }
        return null;
    }

    private interface DocumentRules {
        void check(Document document);
    }

    private static void xml(String resource, byte[] content, List<ModelProblem> problems, DocumentRules rules) {
        Document document;
        try {
            document = SafeXml.parse(content);
        } catch (SAXException | IOException e) {
            problems.add(new ModelProblem(resource, null, null, null,
                    "the file cannot be read as XML without a DOCTYPE (" + firstLine(e.getMessage()) + ")",
                    "save it again from Camunda Modeler; models may not declare a DOCTYPE or entities"));
            return;
        }
        rules.check(document);
    }

    /** The auto-deployment names resources by absolute path; people know them by file name. */
    private static String shortName(String resourceName) {
        return resourceName.substring(Math.max(resourceName.lastIndexOf('/'), resourceName.lastIndexOf('\\')) + 1);
    }

    private static String firstLine(String message) {
        return message == null ? "no detail" : message.lines().findFirst().orElse(message);
    }
}
