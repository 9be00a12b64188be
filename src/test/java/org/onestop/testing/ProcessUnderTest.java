package org.onestop.testing;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

/**
 * The one set-up of the process tests: a process model from {@code bpmn/} on the bare in-memory engine of
 * {@code process-tests.cfg.xml} (camunda-bpm-junit5, which deploys the class's {@code @Deployment} for each test and
 * deletes it afterwards), with camunda-bpm-assert bound to that engine for each test, delegate stand-ins
 * ({@code Mocks.register}) cleared after each test, and a coverage gate: the class fails unless its tests, together,
 * take every flow node and sequence flow of the models it deploys (camunda-process-test-coverage, reports in
 * {@code target/process-test-coverage/}).
 *
 * <pre>
 * &#64;Deployment(resources = {"bpmn/pothole.bpmn", "forms/pothole-start.form", "forms/inspect-pothole.form", ...})
 * class PotholeRepairProcessTest {
 *
 *     &#64;RegisterExtension
 *     static final ProcessUnderTest process = ProcessUnderTest.of("PotholeRepairProcess");
 *
 *     &#64;Test
 *     void potholeOnACityRoadIsRepaired() {
 *         // given
 *         ProcessInstance pothole = process.start("SR-2026-000123", withVariables("departmentGroup", "roads", ...));
 *         // when
 *         complete(task(), withVariables("roadAuthority", "city", "repairNeeded", true));
 *         // then
 *         assertThat(pothole).isWaitingAt("Task_ScheduleRepair");
 *     }
 * }
 * </pre>
 */
public final class ProcessUnderTest implements BeforeAllCallback, AfterAllCallback, TestInstancePostProcessor,
        BeforeEachCallback, AfterEachCallback, BeforeTestExecutionCallback, AfterTestExecutionCallback, ParameterResolver {

    private static final String ENGINE_CONFIGURATION = "process-tests.cfg.xml";

    private final String processKey;
    private final ProcessEngineCoverageExtension engine;

    private ProcessUnderTest(String processKey, ProcessEngineCoverageExtension engine) {
        this.processKey = processKey;
        this.engine = engine;
    }

    /**
     * The process with the given key; the class's tests must cover every path of every model they deploy, except the
     * given ones (a called process that its own test covers) and the stand-in lifecycle of {@link #startCalledByLifecycle}.
     */
    public static ProcessUnderTest of(String processKey, String... coveredElsewhere) {
        List<String> excluded = new ArrayList<>(List.of(coveredElsewhere));
        excluded.add(ReferralCatcher.PROCESS_KEY);
        return new ProcessUnderTest(processKey, ProcessEngineCoverageExtension.builder(ENGINE_CONFIGURATION)
                .assertClassCoverageAtLeast(1.0)
                .excludeProcessDefinitionKeys(excluded.toArray(String[]::new))
                .build());
    }

    /** Starts the process under the case reference with the variables the lifecycle hands in. */
    public ProcessInstance start(String reference, Map<String, Object> variables) {
        return runtimeService().startProcessInstanceByKey(processKey, reference, variables);
    }

    /**
     * Starts a stand-in for the case lifecycle ({@link ReferralCatcher}) that calls this process the way
     * {@code Task_FulfilServiceRequest} does; find the called instance with {@code calledProcessInstance(key, lifecycle)}.
     */
    public ProcessInstance startCalledByLifecycle(String reference, Map<String, Object> variables) {
        return ReferralCatcher.startCalling(engine, processKey, reference, variables);
    }

    /** The start form the engine resolves for the latest version of the process. */
    public CamundaForm startForm() {
        return CamundaForm.deployedStartFormOf(formService(), latestDefinitionId());
    }

    /** The {@code camunda:properties} of the process element. */
    public Map<String, String> properties() {
        return properties(processKey);
    }

    /** The {@code camunda:properties} of one element of the model (the process, a task…) by its id. */
    public Map<String, String> properties(String elementId) {
        BpmnModelInstance model = repositoryService().getBpmnModelInstance(latestDefinitionId());
        BaseElement element = model.getModelElementById(elementId);
        if (element == null) {
            throw new IllegalArgumentException(processKey + " has no element " + elementId);
        }
        return element.getExtensionElements()
                .getElementsQuery().filterByType(CamundaProperties.class).singleResult()
                .getCamundaProperties().stream()
                .collect(Collectors.toMap(CamundaProperty::getCamundaName, CamundaProperty::getCamundaValue));
    }

    private String latestDefinitionId() {
        return repositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(processKey).latestVersion().singleResult().getId();
    }

    // ------------------------------------------------------------------ JUnit 5: the engine, then camunda-bpm-assert

    @Override
    public void beforeAll(ExtensionContext context) {
        engine.beforeAll(context);
    }

    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) {
        engine.postProcessTestInstance(testInstance, context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        init(engine.getProcessEngine());
    }

    @Override
    public void beforeTestExecution(ExtensionContext context) {
        engine.beforeTestExecution(context);
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        engine.afterTestExecution(context);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Mocks.reset();
        reset();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        engine.afterAll(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return engine.supportsParameter(parameter, context);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return engine.resolveParameter(parameter, context);
    }
}
