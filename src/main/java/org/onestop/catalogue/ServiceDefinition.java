package org.onestop.catalogue;

import java.util.List;
import java.util.Locale;

/**
 * A customer-facing service as its BPMN process and start form define it.
 *
 * @param publicService whether residents and apps may request it (process property {@code visibility}: public or staff)
 * @param privateCases whether its cases are private (process property {@code privacy}: public or private; private when
 *                     missing or anything else): a private case never leaves staff views beyond "a request exists, its
 *                     status and expected date"
 * @param processKey the id of the service's own BPMN process, called by the case lifecycle
 * @param routingDecision the DMN decision that routes its cases
 * @param standardsDecision the DMN decision that gives its service standards by priority (process property
 *                          {@code standardsDecision}, e.g. PotholeStandards in {@code dmn/standards-pothole.dmn}); a
 *                          service model from before the standards were split per service has none and uses the
 *                          shared {@code ServiceStandards} table
 * @param copyWardCouncillor whether the ward's councillor is copied on every milestone (process property {@code notifyWardCouncillor})
 * @param locationRequired whether a request needs an address or coordinates (process property {@code location}: required or optional)
 * @param french the service's texts in French, from {@code bpmn/<code>.fr.properties} beside its model (see {@link ServiceTexts})
 */
public record ServiceDefinition(String code, String name, String description, List<String> keywords, String group,
                                boolean publicService, boolean privateCases, String processKey, String processDefinitionId,
                                String routingDecision, String standardsDecision, boolean locationRequired, boolean copyWardCouncillor,
                                FormSchema questions, ServiceTexts french) {

    /** The service as residents read it in a language: French from its {@link ServiceTexts}, else the model's English. */
    public ServiceDefinition in(Locale locale) {
        return locale != null && "fr".equals(locale.getLanguage()) && french != null ? french.applyTo(this) : this;
    }
}
