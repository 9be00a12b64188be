package org.onestop.models;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The checks that look across models: what one model names must exist and fit what OneStop's lifecycle needs.
 * <ul>
 * <li>every literal candidate group is a group staff belong to (a department, its supervisors, a review group);</li>
 * <li>every decision, called process and form named literally exists, in the same deployment or already deployed;</li>
 * <li>a service process (one with a {@code serviceCode}) names its routing decision, which outputs
 * {@code departmentGroup} and {@code priority}; each department it can give is a known group with its
 * {@code -supervisors} group, each priority is one of {@link #PRIORITIES}; and the service's own standards table
 * (property {@code standardsDecision}) gives a standard at each of those priorities.</li>
 * </ul>
 * Models already deployed are looked up through {@link Deployed}; a model in the same deployment takes precedence.
 */
final class ServiceRules {

    /** The priorities the lifecycle, the standards and Tasklist's task priority know, most urgent first. */
    static final List<String> PRIORITIES = List.of("emergency", "urgent", "high", "normal", "low");
    /** The shared standards table of service models from before each service had its own (property standardsDecision). */
    static final String STANDARDS_DECISION = "ServiceStandards";
    /** The case lifecycle's process id (cases' CaseService.LIFECYCLE_PROCESS; models may not depend on cases). */
    static final String LIFECYCLE = "CaseLifecycleProcess";

    private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    /** What is live in the engine. */
    interface Deployed {
        /** The latest deployed DMN file that holds this decision, if any. */
        Optional<byte[]> decision(String key);

        boolean process(String key);

        /** Whether a form with this id is deployed; null when that cannot be told (the engine has no query for forms). */
        Boolean form(String id);

        /** The latest deployed form with this id (its JSON), if any can be found. */
        Optional<byte[]> formJson(String id);

        /** The latest version of every deployed process: resource name and BPMN XML. */
        List<Map.Entry<String, byte[]>> serviceProcesses();

        /** Of these group ids, the ones no staff group has. */
        Set<String> unknownGroups(Collection<String> groups);
    }

    private final Deployed deployed;
    /** Reads the variables an expression names; null when the check of known variables is not wanted. */
    private final ExpressionRules expressions;
    private final Map<String, byte[]> decisionFiles = new LinkedHashMap<>();
    /** Decisions looked up once per check: every service names the standards, and its routing table twice. */
    private final Map<String, Optional<byte[]>> decisionXml = new LinkedHashMap<>();
    private final Map<String, Optional<DmnDecision>> parsed = new LinkedHashMap<>();
    private final Map<String, String> decisionResources = new LinkedHashMap<>();
    private final Set<String> processes = new LinkedHashSet<>();
    private final Map<String, byte[]> forms = new LinkedHashMap<>();
    private final Map<String, Document> bpmn = new LinkedHashMap<>();

    /** @param resources the deployment's files, name → content (only those that are well-formed are looked into) */
    ServiceRules(Map<String, byte[]> resources, Deployed deployed) {
        this(resources, deployed, null);
    }

    /** @param expressions the expression rules, so that each process's expressions name only variables it has */
    ServiceRules(Map<String, byte[]> resources, Deployed deployed, ExpressionRules expressions) {
        this.deployed = deployed;
        this.expressions = expressions;
        resources.forEach((name, content) -> {
            String lower = name.toLowerCase(java.util.Locale.ROOT);
            try {
                if (lower.endsWith(".bpmn") || lower.endsWith(".bpmn20.xml")) {
                    Document document = SafeXml.parse(content);
                    bpmn.put(shortName(name), document);
                    for (Element process : elements(document.getDocumentElement(), BPMN, "process")) {
                        processes.add(process.getAttribute("id"));
                    }
                } else if (lower.endsWith(".dmn") || lower.endsWith(".dmn11.xml")) {
                    Document document = SafeXml.parse(content);
                    for (Element decision : elements(document.getDocumentElement(), null, "decision")) {
                        decisionFiles.put(decision.getAttribute("id"), content);
                        decisionResources.put(decision.getAttribute("id"), shortName(name));
                    }
                } else if (lower.endsWith(".form")) {
                    String id = JSON.readTree(content).path("id").asText("");
                    if (!id.isBlank()) {
                        forms.put(id, content);
                    }
                }
            } catch (SAXException | IOException | RuntimeException e) {
                // reported by the file's own check
            }
        });
    }

    List<ModelProblem> check() {
        List<ModelProblem> problems = new ArrayList<>();
        deployedServicesUsingThisDeployment(problems);
        bpmn.forEach((resource, document) -> {
            Map<String, String> literalGroups = new LinkedHashMap<>();
            for (Element element : elements(document.getDocumentElement(), null, null)) {
                references(resource, element, literalGroups, problems);
            }
            for (String unknown : deployed.unknownGroups(literalGroups.keySet())) {
                problems.add(new ModelProblem(resource, literalGroups.get(unknown), "camunda:candidateGroups", unknown,
                        "no staff group has this id, so nobody would see the task",
                        "use a department's group id (see the staff directory or the Admin app's groups), or ask an administrator to create the group first"));
            }
            for (Element process : elements(document.getDocumentElement(), BPMN, "process")) {
                Map<String, String> properties = properties(process);
                if (properties.containsKey("serviceCode")) {
                    service(resource, process, properties, problems);
                }
                // a service process and the lifecycle get their variables from OneStop; any other process from whoever starts it
                if (expressions != null && (properties.containsKey("serviceCode") || LIFECYCLE.equals(process.getAttribute("id")))) {
                    knownVariables(resource, process, problems);
                }
            }
        });
        return problems;
    }

    /**
     * A routing or standards table deployed without its processes changes live services: each deployed service process
     * (not replaced in this deployment) whose routing table or standards table is in this deployment is checked
     * against the new tables.
     */
    private void deployedServicesUsingThisDeployment(List<ModelProblem> problems) {
        if (decisionFiles.isEmpty()) {
            return;
        }
        for (Map.Entry<String, byte[]> live : deployed.serviceProcesses()) {
            Document document;
            try {
                document = SafeXml.parse(live.getValue());
            } catch (SAXException | IOException e) {
                continue;
            }
            for (Element process : elements(document.getDocumentElement(), BPMN, "process")) {
                Map<String, String> properties = properties(process);
                if (properties.containsKey("serviceCode") && !processes.contains(process.getAttribute("id"))
                        && (decisionFiles.containsKey(standardsDecision(properties)) || decisionFiles.containsKey(properties.get("routingDecision")))) {
                    service(shortName(live.getKey()), process, properties, problems);
                }
            }
        }
    }

    /** A decision, called process, form or candidate group named literally by an element. */
    private void references(String resource, Element element, Map<String, String> literalGroups, List<ModelProblem> problems) {
        String id = SafeXml.nearestId(element, BpmnRules.EXTENSIONS);
        String decision = camunda(element, "decisionRef");
        if (literal(decision) && decisionXml(decision) == null) {
            problems.add(new ModelProblem(resource, id, "camunda:decisionRef", decision, "no decision with this id is deployed or in this deployment",
                    "deploy the decision table first, or correct the id (the decision's ID in Camunda Modeler, not its name)"));
        }
        if ("callActivity".equals(element.getLocalName())) {
            String called = element.getAttribute("calledElement");
            if (literal(called) && !processes.contains(called) && !deployed.process(called)) {
                problems.add(new ModelProblem(resource, id, "calledElement", called, "no process with this id is deployed or in this deployment",
                        "deploy the called process first, or correct its id"));
            }
        }
        String form = camunda(element, "formRef");
        if (literal(form) && !forms.containsKey(form) && Boolean.FALSE.equals(deployed.form(form))) {
            problems.add(new ModelProblem(resource, id, "camunda:formRef", form, "no form with this id is deployed or in this deployment",
                    "deploy the form with it, or correct the id (the form's ID in Camunda Modeler)"));
        }
        String groups = camunda(element, "candidateGroups");
        if (groups != null) {
            for (String group : groups.split(",")) {
                if (literal(group.strip()) && !group.isBlank()) {
                    literalGroups.putIfAbsent(group.strip(), id);
                }
            }
        }
    }

    private void service(String resource, Element process, Map<String, String> properties, List<ModelProblem> problems) {
        String processId = process.getAttribute("id");
        String serviceCode = properties.get("serviceCode");
        String routing = properties.get("routingDecision");
        if (routing == null || routing.isBlank()) {
            problems.add(new ModelProblem(resource, processId, "camunda:property routingDecision", null,
                    "a service process must name its routing decision", "add the property routingDecision with the id of the service's routing table"));
            return;
        }
        Optional<DmnDecision> table = decision(routing);
        if (table.isEmpty()) {
            problems.add(new ModelProblem(resource, processId, "camunda:property routingDecision", routing,
                    "no decision with this id is deployed or in this deployment", "deploy the routing table with the process, or correct the id"));
            return;
        }
        RoutingTable outputs = RoutingTable.read(decisionXml(routing), routing);
        String dmnResource = decisionResources.getOrDefault(routing, "decision " + routing + " (deployed)");
        if (!outputs.hasOutput("departmentGroup") || !outputs.hasOutput("priority")) {
            problems.add(new ModelProblem(dmnResource, routing, "output", null,
                    "a routing table must have the outputs departmentGroup and priority (it has " + String.join(", ", outputs.outputNames()) + ")",
                    "add the missing output column, named exactly departmentGroup or priority"));
            return;
        }
        Set<String> departments = new TreeSet<>(outputs.literals("departmentGroup"));
        Set<String> groups = new TreeSet<>(departments);
        departments.forEach(d -> groups.add(d + "-supervisors"));
        Set<String> unknown = deployed.unknownGroups(groups);
        for (String department : departments) {
            String rule = outputs.ruleGiving("departmentGroup", department);
            if (unknown.contains(department)) {
                problems.add(new ModelProblem(dmnResource, rule, "departmentGroup", "\"" + department + "\"",
                        "no staff group has this id, so nobody would see the cases routed here",
                        "use an existing department's group id, or ask an administrator to create the group (and its -supervisors group) first"));
            } else if (unknown.contains(department + "-supervisors")) {
                problems.add(new ModelProblem(dmnResource, rule, "departmentGroup", "\"" + department + "\"",
                        "the department has no supervisors group (" + department + "-supervisors), so its overdue cases would be reviewed by nobody",
                        "ask an administrator to create the group " + department + "-supervisors first"));
            }
        }
        answersAgainstRouting(process, routing, dmnResource, problems);
        Set<String> priorities = new TreeSet<>(outputs.literals("priority"));
        for (String priority : priorities) {
            if (!PRIORITIES.contains(priority)) {
                problems.add(new ModelProblem(dmnResource, outputs.ruleGiving("priority", priority), "priority", "\"" + priority + "\"",
                        "not a priority OneStop knows", "use one of " + String.join(", ", PRIORITIES)));
            }
        }
        String standardsDecision = standardsDecision(properties);
        Optional<DmnDecision> standards = decision(standardsDecision);
        if (standards.isEmpty()) {
            problems.add(new ModelProblem(resource, processId, "camunda:property standardsDecision", standardsDecision,
                    "the service's standards decision (" + standardsDecision + ") is not deployed or in this deployment",
                    "deploy the service's standards table (dmn/standards-" + serviceCode + ".dmn) with the process, or name it in the property standardsDecision"));
            return;
        }
        for (String priority : priorities) {
            if (!PRIORITIES.contains(priority)) {
                continue;
            }
            DmnDecisionTableResult result;
            try {
                result = DMN.evaluateDecisionTable(standards.get(), Variables.createVariables()
                        .putValue("serviceCode", serviceCode).putValue("priority", priority));
            } catch (RuntimeException e) {
                problems.add(new ModelProblem(standardsDecision, standardsDecision, null, serviceCode + "/" + priority,
                        "the service standards fail for this service and priority (" + e.getMessage() + ")", "correct the standards table"));
                continue;
            }
            if (result.isEmpty() || result.getFirstResult().getEntry("resolveWithin") == null
                    || result.getFirstResult().getEntry("acknowledgeWithin") == null) {
                problems.add(new ModelProblem(resource, processId, "serviceCode", serviceCode,
                        "the service standards give no standard for this service at priority " + priority + ", which its routing table can give",
                        "add a rule for \"" + priority + "\" to the service's standards table " + standardsDecision + " (acknowledgeWithin, resolveWithin, clock)"));
            }
        }
    }

    /** Variables a process has without setting them: the engine's own, in a decision's output mapping or a loop. */
    static final Set<String> ENGINE_VARIABLES = Set.of("decisionResult", "nrOfInstances", "nrOfActiveInstances",
            "nrOfCompletedInstances", "loopCounter");

    /**
     * Every variable a process's expressions read must be one the process can have: set by OneStop
     * ({@link EngineVariables}), a question of one of its forms (the resident's start form, staff's task forms), a
     * decision's result variable, an input or output mapping, a called process's output, a loop's element, or the
     * engine's own ({@link #ENGINE_VARIABLES}). A typo on the flow after a user task would otherwise be found only when
     * staff complete the task, which then fails. A process whose forms cannot all be read (a form key outside Camunda
     * Forms, a form not deployed) or that takes every variable of a called process is not checked: what it has is not
     * known.
     */
    private void knownVariables(String resource, Element process, List<ModelProblem> problems) {
        Set<String> known = new java.util.HashSet<>(EngineVariables.SET_BY_ONESTOP);
        known.addAll(EngineVariables.WRITTEN_BY_STAFF);
        known.addAll(ENGINE_VARIABLES);
        List<Element> all = elements(process, null, null);
        for (Element element : all) {
            String formRef = camunda(element, "formRef");
            if (formRef != null) {
                byte[] form = !literal(formRef) ? null : forms.containsKey(formRef) ? forms.get(formRef) : deployed.formJson(formRef).orElse(null);
                if (form == null) {
                    return;
                }
                try {
                    known.addAll(FormRules.keys(JSON.readTree(form)));
                } catch (IOException e) {
                    return;
                }
            }
            if (camunda(element, "formKey") != null) {
                return;
            }
            String local = element.getLocalName();
            boolean extension = BpmnRules.EXTENSIONS.contains(element.getNamespaceURI());
            if (extension && "out".equals(local) && "all".equals(element.getAttribute("variables"))) {
                return;
            }
            addIfSet(known, camunda(element, "resultVariable"));
            addIfSet(known, camunda(element, "elementVariable"));
            if (extension && ("inputParameter".equals(local) || "outputParameter".equals(local))) {
                addIfSet(known, element.getAttribute("name"));
            } else if (extension && "out".equals(local)) {
                addIfSet(known, element.getAttribute("target"));
            } else if (extension && "formField".equals(local)) {
                addIfSet(known, element.getAttribute("id"));
            }
        }
        Set<String> reported = new LinkedHashSet<>();
        for (Element element : all) {
            if ("documentation".equals(element.getLocalName()) || "text".equals(element.getLocalName())) {
                continue; // for people
            }
            String id = SafeXml.nearestId(element, BpmnRules.EXTENSIONS);
            List<String> texts = new ArrayList<>();
            texts.add(SafeXml.ownText(element));
            org.w3c.dom.NamedNodeMap attributes = element.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                texts.add(attributes.item(i).getNodeValue());
            }
            for (String text : texts) {
                for (String expression : ExpressionRules.find(text)) {
                    for (String variable : expressions.variables(expression)) {
                        if (!known.contains(variable) && reported.add(id + "/" + variable)) {
                            String near = nearest(variable, known);
                            problems.add(new ModelProblem(resource, id, null, expression,
                                    "the variable '" + variable + "' is set nowhere this process can see (its forms' questions, its decisions' "
                                            + "result variables, its input and output mappings, or OneStop's own variables), so the case fails here",
                                    near != null ? "did you mean '" + near + "'? Correct the name, or set the variable before this point"
                                            : "correct the name, or set the variable before this point (a form question, a result variable, an output mapping)"));
                        }
                    }
                }
            }
        }
    }

    private static void addIfSet(Set<String> known, String name) {
        if (name != null && !name.isBlank()) {
            known.add(name.strip());
        }
    }

    /** The known name closest to a misspelt one (at most two letters apart), or null. */
    private static String nearest(String name, Set<String> known) {
        String best = null;
        int bestDistance = 3;
        for (String candidate : new TreeSet<>(known)) {
            int distance = distance(name.toLowerCase(java.util.Locale.ROOT), candidate.toLowerCase(java.util.Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                current[j] = Math.min(Math.min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /**
     * The routing table against the answers its service's start form allows: every combination of them decided by a
     * rule, and no rule waiting for an answer the form cannot give ({@link DecisionCoverage}).
     */
    private void answersAgainstRouting(Element process, String routing, String dmnResource, List<ModelProblem> problems) {
        String formId = null;
        for (Element start : elements(process, BPMN, "startEvent")) {
            String ref = camunda(start, "formRef");
            if (literal(ref) && start.getParentNode() == process) {
                formId = ref;
            }
        }
        byte[] form = formId == null ? null : forms.containsKey(formId) ? forms.get(formId) : deployed.formJson(formId).orElse(null);
        if (form == null) {
            return;
        }
        Map<String, List<Object>> answers;
        try {
            answers = FormRules.answerValues(JSON.readTree(form));
        } catch (IOException e) {
            return; // the form's own check says why
        }
        DecisionCoverage.check(dmnResource, decisionXml(routing), routing, answers, "the form " + formId,
                java.util.EnumSet.of(DecisionCoverage.Look.GAPS, DecisionCoverage.Look.UNMATCHED), problems);
    }

    /**
     * The service's own standards table: its process's property standardsDecision; a service model from before the
     * standards were split per service has none and uses the shared table (which then must be deployed).
     */
    private static String standardsDecision(Map<String, String> properties) {
        String named = properties.get("standardsDecision");
        return named == null || named.isBlank() ? STANDARDS_DECISION : named;
    }

    private Optional<DmnDecision> decision(String key) {
        return parsed.computeIfAbsent(key, k -> {
            byte[] xml = decisionXml(k);
            if (xml == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(DMN.parseDecision(k, new ByteArrayInputStream(xml)));
            } catch (RuntimeException e) {
                return Optional.empty(); // the file's own check says why
            }
        });
    }

    private byte[] decisionXml(String key) {
        byte[] xml = decisionFiles.get(key);
        return xml != null ? xml : decisionXml.computeIfAbsent(key, deployed::decision).orElse(null);
    }

    private static boolean literal(String value) {
        return value != null && !value.isBlank() && !value.contains("${") && !value.contains("#{");
    }

    private static String camunda(Element element, String name) {
        for (String namespace : BpmnRules.EXTENSIONS) {
            if (element.hasAttributeNS(namespace, name)) {
                return element.getAttributeNS(namespace, name);
            }
        }
        return null;
    }

    private static Map<String, String> properties(Element process) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (Element property : elements(process, null, "property")) {
            if (BpmnRules.EXTENSIONS.contains(property.getNamespaceURI()) && isOwnProperty(property, process)) {
                properties.put(property.getAttribute("name"), property.getAttribute("value"));
            }
        }
        return properties;
    }

    /** A property of the process itself, not of one of its elements. */
    private static boolean isOwnProperty(Element property, Element process) {
        Node extensionElements = property.getParentNode() == null ? null : property.getParentNode().getParentNode();
        return extensionElements != null && extensionElements.getParentNode() == process;
    }

    /** Every element under root (root included) with this local name (any when null) and namespace (any when null). */
    static List<Element> elements(Element root, String namespace, String localName) {
        List<Element> found = new ArrayList<>();
        if ((localName == null || localName.equals(root.getLocalName())) && (namespace == null || namespace.equals(root.getNamespaceURI()))) {
            found.add(root);
        }
        NodeList all = root.getElementsByTagNameNS(namespace == null ? "*" : namespace, localName == null ? "*" : localName);
        for (int i = 0; i < all.getLength(); i++) {
            found.add((Element) all.item(i));
        }
        return found;
    }

    private static String shortName(String resourceName) {
        return resourceName.substring(Math.max(resourceName.lastIndexOf('/'), resourceName.lastIndexOf('\\')) + 1);
    }

    /** A decision table's outputs and the literal values its rules give. */
    private record RoutingTable(List<String> outputNames, Map<String, Map<String, String>> literalsByOutput) {

        static RoutingTable read(byte[] xml, String decisionId) {
            List<String> names = new ArrayList<>();
            Map<String, Map<String, String>> literals = new LinkedHashMap<>();
            try {
                Document document = SafeXml.parse(xml);
                for (Element decision : elements(document.getDocumentElement(), null, "decision")) {
                    if (!decisionId.equals(decision.getAttribute("id"))) {
                        continue;
                    }
                    for (Element table : elements(decision, null, "decisionTable")) {
                        List<Element> outputs = children(table, "output");
                        outputs.forEach(o -> names.add(o.getAttribute("name")));
                        for (Element rule : children(table, "rule")) {
                            List<Element> entries = children(rule, "outputEntry");
                            for (int i = 0; i < entries.size() && i < outputs.size(); i++) {
                                String text = entries.get(i).getTextContent().strip();
                                if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
                                    literals.computeIfAbsent(outputs.get(i).getAttribute("name"), k -> new LinkedHashMap<>())
                                            .putIfAbsent(text.substring(1, text.length() - 1), rule.getAttribute("id"));
                                }
                            }
                        }
                    }
                }
            } catch (SAXException | IOException e) {
                // the file's own check reports it
            }
            return new RoutingTable(names, literals);
        }

        boolean hasOutput(String name) {
            return outputNames.contains(name);
        }

        Set<String> literals(String output) {
            return literalsByOutput.getOrDefault(output, Map.of()).keySet();
        }

        String ruleGiving(String output, String value) {
            return literalsByOutput.getOrDefault(output, Map.of()).get(value);
        }

        private static List<Element> children(Element parent, String localName) {
            return SafeXml.children(parent, localName);
        }
    }
}
