package org.onestop.cases;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
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

    @Bean
    @ModelBean
    JavaDelegate assignCase(CaseLifecycle cases) {
        return execution -> {
            CaseLifecycle.Assignment assignment = cases.assign(caseId(execution),
                    (String) execution.getVariable("departmentGroup"),
                    (String) execution.getVariable("priority"),
                    new ServiceStandards.Standard((String) execution.getVariable("acknowledgeWithin"),
                            (String) execution.getVariable("resolveWithin"),
                            BusinessCalendar.Clock.of((String) execution.getVariable("clock"))));
            execution.setVariable("acknowledgeBy", Date.from(assignment.due().acknowledgeBy()));
            execution.setVariable("resolveBy", Date.from(assignment.due().resolveBy()));
            execution.setVariable("departmentGroup", assignment.taskGroup());
            execution.setVariable("onCallUser", assignment.onCallUser());
            execution.setVariable("escalationGroup", assignment.escalationGroup());
            execution.setVariable("remindAt", Date.from(assignment.escalations().remindAt()));
            execution.setVariable("secondEscalationAt", Date.from(assignment.escalations().secondEscalationAt()));
            execution.setVariable("departmentHeadGroup", assignment.escalations().departmentHeadGroup());
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

    static long caseId(DelegateExecution execution) {
        return ((Number) execution.getVariable("caseId")).longValue();
    }
}
