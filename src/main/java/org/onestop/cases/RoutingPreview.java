package org.onestop.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOutputParameter;
import org.onestop.catalogue.ServiceDefinition;
import org.onestop.departments.Departments;
import org.onestop.oncall.OnCallRoster;
import org.onestop.shared.InvalidRequestException;
import org.onestop.standards.BusinessCalendar;
import org.onestop.standards.ServiceStandards;
import org.springframework.stereotype.Service;

/**
 * What the live models would decide for a request, without opening a case or storing anything: the process owners'
 * preview. It runs what the lifecycle runs, from the same code: the intake's inputs ({@link LifecycleInputs}), the
 * business rule tasks of the latest deployed {@code case-lifecycle.bpmn} in their order from its start event (each
 * decision as that task names it, the latest version, evaluated with the engine's public {@link DecisionService}, its
 * result mapped as the task's {@code ${decisionResult[0].<output>}} parameters map it), then what
 * {@code Task_AssignCase} makes of the variables they set (due dates, escalation times, on-call).
 */
@Service
public class RoutingPreview {

    private static final Pattern FIRST_RESULT = Pattern.compile("\\$\\{\\s*decisionResult\\[0]\\.(\\w+)\\s*}");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{\\s*(\\w+)\\s*}");

    /** One decision the lifecycle took: its task, the decision (key, version) and what its result set. */
    public record Decision(String elementId, String elementName, String decisionKey, int version, String deploymentId,
                           Map<String, Object> outputs) {
    }

    /**
     * What the live models decide. When a decision or the assignment fails (as it would for a real case), {@code failure}
     * says where and why, and what comes after it is empty.
     */
    public record Result(List<Decision> decisions, String department, String departmentName, String priority,
                         ServiceStandards.Standard standard, Instant acknowledgeBy, Instant resolveBy, boolean officeOpen,
                         Boolean routeToOnCall, String taskGroup, String onCallUser, String escalationGroup,
                         Instant remindAt, Instant secondEscalationAt, String departmentHeadGroup, String failure) {
    }

    private final RepositoryService repositoryService;
    private final DecisionService decisionService;
    private final BusinessCalendar calendar;
    private final ServiceStandards standards;
    private final CaseClocks clocks;
    private final OnCallRoster roster;
    private final Departments departments;

    RoutingPreview(RepositoryService repositoryService, DecisionService decisionService, BusinessCalendar calendar,
                   ServiceStandards standards, CaseClocks clocks, OnCallRoster roster, Departments departments) {
        this.repositoryService = repositoryService;
        this.decisionService = decisionService;
        this.calendar = calendar;
        this.standards = standards;
        this.clocks = clocks;
        this.roster = roster;
        this.departments = departments;
    }

    /**
     * @param rawAnswers the answers as a request sends them; checked as intake checks them (400 with each problem)
     * @param received when the request would come in (office hours, due dates, who is on call)
     */
    public Result preview(ServiceDefinition service, Map<String, ?> rawAnswers, Channel channel, String ward, Instant received) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Object> answers = LifecycleInputs.validAnswers(service, rawAnswers == null ? Map.of() : rawAnswers, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        boolean officeOpen = calendar.isOfficeOpen(received);
        VariableMap variables = Variables.fromMap(LifecycleInputs.variables(service, answers, channel, ward, officeOpen));
        List<Decision> decisions = new ArrayList<>();
        for (BusinessRuleTask task : decisionTasks()) {
            String failure = decide(task, variables, decisions);
            if (failure != null) {
                return failed(decisions, officeOpen, failure);
            }
        }
        try {
            CaseLifecycle.Routing routing = LifecycleDelegates.routing(name -> variables.getValue(name, Object.class));
            String department = routing.department();
            ServiceStandards.DueDates due = standards.dueDates(received, routing.standard());
            CaseClocks.Escalations escalations = clocks.escalations(received, due.resolveBy(), routing.standard().clock(),
                    department, routing.escalationPolicy());
            String taskGroup = routing.routeToOnCall() ? OnCallRoster.onCallGroup(department) : department;
            String onCallUser = routing.routeToOnCall() ? roster.onCall(department, received).orElse(null) : null;
            return new Result(decisions, department, departments.nameOf(department), routing.priority(), routing.standard(),
                    due.acknowledgeBy(), due.resolveBy(), officeOpen, routing.routeToOnCall(), taskGroup, onCallUser,
                    Departments.supervisorsGroup(department), escalations.remindAt(), escalations.secondEscalationAt(),
                    escalations.departmentHeadGroup(), null);
        } catch (RuntimeException e) {
            return failed(decisions, officeOpen, "Task_AssignCase: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /**
     * The decisions the latest lifecycle takes before the assignment, as its tasks name them (a service's routing table
     * is {@code ${routingDecision}}): what "What is live" lists beside each service.
     */
    public List<String> decisionReferences() {
        return decisionTasks().stream().map(BusinessRuleTask::getCamundaDecisionRef).toList();
    }

    /** The lifecycle's business rule tasks, in their order from its start event until the first other element. */
    private List<BusinessRuleTask> decisionTasks() {
        ProcessDefinition lifecycle = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(CaseService.LIFECYCLE_PROCESS).latestVersion().singleResult();
        BpmnModelInstance model = repositoryService.getBpmnModelInstance(lifecycle.getId());
        FlowNode node = model.getModelElementsByType(StartEvent.class).stream()
                .filter(start -> start.getParentElement() instanceof Process).findFirst()
                .orElseThrow(() -> new IllegalStateException("the case lifecycle has no start event"));
        List<BusinessRuleTask> tasks = new ArrayList<>();
        while (true) {
            Collection<SequenceFlow> outgoing = node.getOutgoing();
            if (outgoing.size() != 1 || !(outgoing.iterator().next().getTarget() instanceof BusinessRuleTask task)) {
                return tasks;
            }
            tasks.add(task);
            node = task;
        }
    }

    /** Evaluates the task's decision and sets what its output parameters map; says what failed, or null. */
    private String decide(BusinessRuleTask task, VariableMap variables, List<Decision> decisions) {
        String where = task.getId() + " (\"" + task.getName() + "\")";
        String key = task.getCamundaDecisionRef();
        Matcher ref = key == null ? null : VARIABLE.matcher(key);
        if (ref != null && ref.matches()) {
            Object value = variables.getValue(ref.group(1), Object.class);
            key = value == null ? null : value.toString();
        }
        if (key == null || key.contains("${")) {
            return where + ": its decision reference " + task.getCamundaDecisionRef() + " names no decision";
        }
        DecisionDefinition decision = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key)
                .latestVersion().singleResult();
        if (decision == null) {
            return where + ": no decision with the key " + key + " is deployed";
        }
        where = where + ", decision " + key + " version " + decision.getVersion();
        DmnDecisionResult result;
        try {
            result = decisionService.evaluateDecisionById(decision.getId()).variables(variables).evaluate();
        } catch (RuntimeException e) {
            return where + ": " + e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        Map<String, Object> outputs = new LinkedHashMap<>();
        CamundaInputOutput mapping = task.getExtensionElements() == null ? null : task.getExtensionElements().getElementsQuery()
                .filterByType(CamundaInputOutput.class).list().stream().findFirst().orElse(null);
        for (CamundaOutputParameter parameter : mapping == null ? List.<CamundaOutputParameter>of() : mapping.getCamundaOutputParameters()) {
            Matcher output = FIRST_RESULT.matcher(parameter.getTextContent().trim());
            if (!output.matches()) {
                return where + ": the preview reads output parameters of the form ${decisionResult[0].name}, not "
                        + parameter.getCamundaName() + " = " + parameter.getTextContent().trim();
            }
            if (result.isEmpty()) {
                return where + ": no rule matched, so decisionResult[0] does not exist (a case would fail here)";
            }
            Object value = result.get(0).getEntryMap().get(output.group(1));
            outputs.put(parameter.getCamundaName(), value);
            variables.putValue(parameter.getCamundaName(), value);
        }
        decisions.add(new Decision(task.getId(), task.getName(), key, decision.getVersion(), decision.getDeploymentId(), outputs));
        return null;
    }

    private static Result failed(List<Decision> decisions, boolean officeOpen, String failure) {
        return new Result(decisions, null, null, null, null, null, null, officeOpen, null, null, null, null, null, null, null, failure);
    }
}
