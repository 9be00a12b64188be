package org.onestop.models;

import java.util.Set;

/**
 * The process variables that are OneStop's contract with the models: the lifecycle and the case service set the
 * first list; staff's task forms write the second, which the case then records.
 */
public final class EngineVariables {

    /** Set by OneStop itself when a case opens or its clocks move: no form field may take these names. */
    public static final Set<String> SET_BY_ONESTOP = Set.of("caseId", "reference", "serviceCode", "serviceProcessKey",
            "routingDecision", "standardsDecision", "channel", "ward", "departmentGroup", "priority", "escalationGroup", "acknowledgeWithin",
            "resolveWithin", "clock", "acknowledgeBy", "resolveBy", "remindAt", "secondEscalationAt", "departmentHeadGroup",
            "onCallUser", "stageName", "stageWithin", "stageClock", "stageDueBy", "officeOpen", "routeToOnCall",
            "remindBefore", "secondEscalationAfter", "childCaseCount", "finishedChildCaseCount");

    /** Written by staff on a task form and recorded on the case: a task form may, a start form (the resident's) may not. */
    public static final Set<String> WRITTEN_BY_STAFF = Set.of("resolutionNote", "referralReason");

    private EngineVariables() {
    }

    /** Whether a resident's answer (a start form's field) may take this name. */
    public static boolean reservedForAnswers(String name) {
        return SET_BY_ONESTOP.contains(name) || WRITTEN_BY_STAFF.contains(name);
    }
}
