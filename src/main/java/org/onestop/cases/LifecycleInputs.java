package org.onestop.cases;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.variable.Variables;
import org.onestop.catalogue.AnswerValidator;
import org.onestop.catalogue.ServiceDefinition;
import org.onestop.models.EngineVariables;

/**
 * What the lifecycle's decisions read, built in one place for intake ({@link CaseOpening}) and for the process owners'
 * preview ({@link RoutingPreview}), so that the preview cannot decide on other inputs than a real case.
 */
final class LifecycleInputs {

    private LifecycleInputs() {
    }

    /** The answers checked against the service's questions; each problem goes into errors as {@code answers.<key>}. */
    static Map<String, Object> validAnswers(ServiceDefinition service, Map<String, ?> raw, Map<String, String> errors) {
        AnswerValidator.Result answers = AnswerValidator.validate(service.questions(), raw);
        answers.errors().forEach((field, message) -> errors.put("answers." + field, message));
        answers.answers().keySet().stream().filter(EngineVariables::reservedForAnswers)
                .forEach(key -> errors.put("answers." + key, "is a name OneStop reserves"));
        return answers.answers();
    }

    /**
     * The lifecycle's start variables but the case's ids ({@code caseId}, {@code reference}): the answers, the service,
     * its routing and standards decisions, the channel, the ward and {@code officeOpen}. The decision tables' inputs are transient.
     */
    static Map<String, Object> variables(ServiceDefinition service, Map<String, Object> answers, Channel channel, String ward,
                                         boolean officeOpen) {
        Map<String, Object> variables = new HashMap<>();
        answers.forEach((key, value) -> variables.put(key, Variables.untypedValue(value instanceof List<?> list
                ? String.join(",", list.stream().map(String::valueOf).toList()) : value, true)));
        variables.put("serviceCode", service.code());
        variables.put("serviceProcessKey", service.processKey());
        variables.put("routingDecision", service.routingDecision());
        variables.put("standardsDecision", service.standardsDecision());
        variables.put("channel", Variables.stringValue(channel.code(), true));
        variables.put("ward", Variables.stringValue(ward, true));
        variables.put("officeOpen", Variables.booleanValue(officeOpen, true));
        return variables;
    }
}
