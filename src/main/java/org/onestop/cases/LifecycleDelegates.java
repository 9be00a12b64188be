package org.onestop.cases;

import java.util.Date;
import java.util.Map;
import java.util.function.Function;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateVariableMapping;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.onestop.catalogue.FormField;
import org.onestop.catalogue.ServiceCatalogue;
import org.onestop.models.ModelBean;
import org.onestop.standards.BusinessCalendar;
import org.onestop.standards.ServiceStandards;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service tasks of {@code bpmn/case-lifecycle.bpmn}, each a bean named after what it does.
 * They only read variables and call {@link CaseLifecycle}. Each is a {@link ModelBean}: the only beans models may name.
 */
@Configuration(proxyBeanMethods = false)
class LifecycleDelegates {

    /**
     * Reads what the lifecycle's decisions set (routing, service standard, after-hours routing, escalation times) and
     * sets the due dates, the groups and the escalation times the rest of the lifecycle uses.
     */
    @Bean
    @ModelBean
    JavaDelegate assignCase(CaseLifecycle cases) {
        return execution -> {
            Map<String, Object> assigned = cases.assign(caseId(execution), routing(execution::getVariable)).variables();
            // the routed group stays as it is unless the on-call group replaces it
            assigned.remove("departmentGroup", execution.getVariable("departmentGroup"));
            execution.setVariables(assigned);
        };
    }

    @Bean
    @ModelBean
    JavaDelegate resolveCase(CaseLifecycle cases) {
        return execution -> cases.resolve(caseId(execution), (String) execution.getVariable("resolutionNote"));
    }

    @Bean
    @ModelBean
    JavaDelegate closeCase(CaseLifecycle cases) {
        return execution -> cases.close(caseId(execution));
    }

    @Bean
    @ModelBean
    JavaDelegate referCase(CaseLifecycle cases) {
        return execution -> cases.refer(caseId(execution), (String) execution.getVariable("referralReason"));
    }

    @Bean
    @ModelBean
    JavaDelegate remindDepartment(CaseLifecycle cases) {
        return execution -> cases.remind(caseId(execution));
    }

    @Bean
    @ModelBean
    JavaDelegate escalateToDepartmentHead(CaseLifecycle cases) {
        return execution -> cases.escalateToHead(caseId(execution));
    }

    @Bean
    @ModelBean
    JavaDelegate recordEscalation(CaseLifecycle cases) {
        return execution -> cases.escalate(caseId(execution));
    }

    /**
     * Starts a stage's own clock (for example a complaint's stage 2 review): reads {@code stageName},
     * {@code stageWithin} and {@code stageClock}, sets {@code stageDueBy} for the stage's own timers.
     */
    @Bean
    @ModelBean
    JavaDelegate startStageClock(CaseLifecycle cases) {
        return execution -> {
            java.time.Instant due = cases.startStage(caseId(execution), (String) execution.getVariable("stageName"),
                    (String) execution.getVariable("stageWithin"), BusinessCalendar.Clock.of((String) execution.getVariable("stageClock")));
            execution.getProcessInstance().setVariable("stageDueBy", Date.from(due));
        };
    }

    /**
     * What the lifecycle's decisions said, read from the variables they set: for {@code Task_AssignCase}, and for the
     * process owners' preview ({@link RoutingPreview}) from the same variables its evaluation of the same decisions set.
     */
    static CaseLifecycle.Routing routing(Function<String, Object> variables) {
        return new CaseLifecycle.Routing(
                (String) variables.apply("departmentGroup"),
                (String) variables.apply("priority"),
                new ServiceStandards.Standard((String) variables.apply("acknowledgeWithin"),
                        (String) variables.apply("resolveWithin"),
                        BusinessCalendar.Clock.of((String) variables.apply("clock"))),
                (Boolean) decided(variables, "routeToOnCall"),
                new CaseClocks.EscalationPolicy((String) decided(variables, "remindBefore"),
                        (String) decided(variables, "secondEscalationAfter")));
    }

    /**
     * A variable one of the lifecycle's business rule tasks set before the assignment. No lifecycle waits before its
     * assignment, so one on the previous version (which had no such tasks) never comes here again, unless an operator
     * moves it back onto its assignment by hand (Cockpit): then this says what is missing instead of assigning it wrong.
     */
    private static Object decided(Function<String, Object> variables, String name) {
        Object value = variables.apply(name);
        if (value == null) {
            throw new IllegalStateException("Task_AssignCase needs the variable " + name + ", set by the lifecycle's decisions before it;"
                    + " an instance of an older lifecycle version must be migrated to the current one before it is assigned again");
        }
        return value;
    }

    /**
     * The fulfilment call activity's variable mapping: besides its {@code camunda:in} variables, the service's process
     * gets the resident's answers to the service's questions (their names come from the service's start form), and
     * none of the lifecycle's own variables. What comes back is the call activity's {@code camunda:out}.
     */
    @Bean
    @ModelBean
    DelegateVariableMapping caseAnswers(ServiceCatalogue catalogue) {
        return new DelegateVariableMapping() {
            @Override
            public void mapInputVariables(DelegateExecution lifecycle, VariableMap service) {
                catalogue.find((String) lifecycle.getVariable("serviceCode")).stream()
                        .flatMap(definition -> definition.questions().fields().stream()).map(FormField::key)
                        .filter(lifecycle::hasVariable)
                        .forEach(answer -> service.put(answer, lifecycle.getVariable(answer))); // stored, not transient
            }

            @Override
            public void mapOutputVariables(DelegateExecution lifecycle, VariableScope service) {
                // only the call activity's camunda:out mappings
            }
        };
    }

    static long caseId(DelegateExecution execution) {
        return ((Number) execution.getVariable("caseId")).longValue();
    }
}
