package org.onestop.catalogue;

import java.util.List;

/**
 * A customer-facing service as its BPMN process and start form define it.
 *
 * @param processKey the id of the service's own BPMN process, called by the case lifecycle
 * @param routingDecision the DMN decision that routes its cases
 * @param copyWardCouncillor whether the ward's councillor is copied on every milestone (process property {@code notifyWardCouncillor})
 * @param locationRequired whether a request needs an address or coordinates (process property {@code location}: required or optional)
 */
public record ServiceDefinition(String code, String name, String description, List<String> keywords, String group,
                                boolean publicService, String processKey, String processDefinitionId,
                                String routingDecision, boolean locationRequired, boolean copyWardCouncillor,
                                FormSchema questions) {
}
