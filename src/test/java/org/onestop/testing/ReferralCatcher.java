package org.onestop.testing;

import java.util.Map;

import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;

/**
 * A test-only parent for a service process, standing in for the case lifecycle: it calls the service process
 * and catches the {@code Referred} error the way {@code Task_FulfilServiceRequest} does, keeping the error
 * message in {@code referralReason} and then waiting in {@code Task_HandleReferral}.
 * Deployed per test (the extension deletes it afterwards) and left out of the coverage gate; tests start it with
 * {@link ProcessUnderTest#startCalledByLifecycle}.
 */
final class ReferralCatcher {

    static final String PROCESS_KEY = "ReferralCatcherProcess";

    private static final String MODEL = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                         xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                         id="Definitions_ReferralCatcher" targetNamespace="http://onestop.org/bpmn/test">
              <error id="Error_Referred" name="Referred" errorCode="Referred" />
              <process id="%1$s" isExecutable="true" camunda:historyTimeToLive="P1D">
                <startEvent id="Event_Started" />
                <sequenceFlow id="Flow_StartedToCallService" sourceRef="Event_Started" targetRef="Task_CallService" />
                <callActivity id="Task_CallService" calledElement="%2$s">
                  <extensionElements>
                    <camunda:in businessKey="#{execution.processBusinessKey}" />
                    <camunda:in variables="all" />
                    <camunda:out source="resolutionNote" target="resolutionNote" />
                  </extensionElements>
                </callActivity>
                <sequenceFlow id="Flow_CallServiceToCompleted" sourceRef="Task_CallService" targetRef="Event_Completed" />
                <endEvent id="Event_Completed" />
                <boundaryEvent id="Event_Referred" attachedToRef="Task_CallService">
                  <errorEventDefinition errorRef="Error_Referred" camunda:errorMessageVariable="referralReason" />
                </boundaryEvent>
                <sequenceFlow id="Flow_ReferredToHandleReferral" sourceRef="Event_Referred" targetRef="Task_HandleReferral" />
                <userTask id="Task_HandleReferral" />
                <sequenceFlow id="Flow_HandleReferralToReferralHandled" sourceRef="Task_HandleReferral" targetRef="Event_ReferralHandled" />
                <endEvent id="Event_ReferralHandled" />
              </process>
            </definitions>
            """;

    private ReferralCatcher() {
    }

    /** Deploys the catcher for the given service process and starts it with the given business key and variables. */
    static ProcessInstance startCalling(ProcessEngineExtension engine, String serviceProcessKey,
                                        String businessKey, Map<String, Object> variables) {
        Deployment deployment = engine.getRepositoryService().createDeployment()
                .name("referral-catcher-" + serviceProcessKey)
                .addString("referral-catcher.bpmn", MODEL.formatted(PROCESS_KEY, serviceProcessKey))
                .deploy();
        engine.manageDeployment(deployment);
        return engine.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY, businessKey, variables);
    }
}
