package org.onestop.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.onestop.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Deployed models cannot run arbitrary code: the engine's expressions see only the model beans, and every route into
 * the engine (Modeler's REST call, redeploy, the Java API, the auto-deployment) refuses a model the check refuses.
 */
class ModelGuardTest extends IntegrationTest {

    static final Set<String> MODEL_BEANS = Set.of("assignCase", "caseAnswers", "closeCase", "escalateToDepartmentHead",
            "recordEscalation", "referCase", "remindDepartment", "resolveCase", "startStageClock", "backOffice", "workOrderPlace",
            "recordWorkOrder");
    static final String MAKE_ADMIN = "${identityService.createMembership('it-guard-owner','camunda-admin')}";

    @Autowired
    SpringProcessEngineConfiguration configuration;
    @Autowired
    ProcessEngine processEngine;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    FilterService filterService;
    @Autowired
    ApplicationContext context;
    @Autowired
    ConfigurableListableBeanFactory beanFactory;
    @Autowired
    JdbcTemplate jdbc;

    /** A process that runs: start, one user task with the given attributes, end; extra elements go beside. */
    static String process(String id, String taskAttributes, String more) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                    id="Definitions_%1$s" targetNamespace="http://onestop.org/test">
                  <bpmn:process id="%1$s" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="Event_Start" />
                    <bpmn:sequenceFlow id="Flow_1" sourceRef="Event_Start" targetRef="Task_Work" />
                    <bpmn:userTask id="Task_Work" %2$s />
                    <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Work" targetRef="Event_End" />
                    <bpmn:endEvent id="Event_End" />
                    %3$s
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(id, taskAttributes, more);
    }

    private ResponseEntity<Map<String, Object>> deploy(String user, String fileName, String content) {
        return BrokenModelsTest.deploy(as(user), "it-guard", Map.of(fileName, content));
    }

    private Object evaluate(String expression) {
        return configuration.getCommandExecutorTxRequired().execute(commandContext ->
                configuration.getExpressionManager().createExpression(expression).getValue(null));
    }

    private boolean isAdmin(String user) {
        return identityService.createUserQuery().userId(user).memberOfGroup(Groups.CAMUNDA_ADMIN).count() > 0;
    }

    @Test
    void theEngineSeesExactlyTheModelBeans() {
        assertThat(configuration.getBeans().keySet()).containsExactlyInAnyOrderElementsOf(MODEL_BEANS);
        assertThat(configuration.getExpressionManager()).isInstanceOf(SpringExpressionManager.class);

        assertThat(evaluate("${assignCase}")).isSameAs(context.getBean("assignCase"));
        assertThat(context.containsBean("identityService")).isTrue();
        assertThatThrownBy(() -> evaluate("${identityService}")).hasMessageContaining("Cannot resolve identifier 'identityService'");
        assertThatThrownBy(() -> evaluate("${processEngine}")).hasMessageContaining("Cannot resolve identifier 'processEngine'");
    }

    @Test
    void anExpressionNamingAnotherBeanDoesNotReachItAtRunTime() {
        // A stored task query (a Tasklist filter) is evaluated by the same expression manager, with no deployment check.
        String victim = user("it-guard-victim");
        Filter filter = filterService.newTaskFilter("it-guard").setQuery(taskService.createTaskQuery()
                .taskAssigneeExpression("${identityService.createMembership('it-guard-victim','camunda-admin')}"));
        filterService.saveFilter(filter);
        try {
            assertThatThrownBy(() -> filterService.list(filter.getId())).hasStackTraceContaining("Cannot resolve identifier 'identityService'");
        } finally {
            filterService.deleteFilter(filter.getId());
        }
        assertThat(isAdmin(victim)).isFalse();
    }

    @Test
    void theEscalationIsRefusedAtDeployWith400NamingTheElementAndTheExpression() {
        String owner = user("it-guard-owner", "process-owners");
        String escalation = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                    id="Definitions_Escalation" targetNamespace="http://onestop.org/test">
                  <bpmn:process id="GuardEscalationProcess" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="Event_EveryFiveSeconds">
                      <bpmn:extensionElements>
                        <camunda:executionListener event="start" expression="%1$s" />
                      </bpmn:extensionElements>
                      <bpmn:timerEventDefinition id="Timer_EveryFiveSeconds"><bpmn:timeCycle>R/PT5S</bpmn:timeCycle></bpmn:timerEventDefinition>
                    </bpmn:startEvent>
                    <bpmn:sequenceFlow id="Flow_1" sourceRef="Event_EveryFiveSeconds" targetRef="Task_Promote" />
                    <bpmn:serviceTask id="Task_Promote" camunda:expression="%1$s" />
                    <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Promote" targetRef="Event_End" />
                    <bpmn:endEvent id="Event_End" />
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(MAKE_ADMIN);

        ResponseEntity<Map<String, Object>> response = deploy(owner, "escalation.bpmn", escalation);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).containsEntry("type", "BadUserRequestException");
        assertThat((String) response.getBody().get("message"))
                .contains("escalation.bpmn, element Event_EveryFiveSeconds, camunda:executionListener expression: " + MAKE_ADMIN
                        + " - 'identityService' is not a bean models may use")
                .contains("escalation.bpmn, element Task_Promote, camunda:expression: " + MAKE_ADMIN);
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("GuardEscalationProcess").count()).isZero();
        assertThat(managementService.createJobQuery().processDefinitionKey("GuardEscalationProcess").count()).isZero();
        assertThat(isAdmin(owner)).isFalse();
    }

    @Test
    void aPlainServiceModelStillDeploysThroughRest() throws IOException {
        String owner = user("it-guard-owner", "process-owners");
        String pothole = new ClassPathResource("bpmn/pothole.bpmn").getContentAsString(StandardCharsets.UTF_8);
        // the same service under another process id: its routing table, standards and forms are the deployed ones
        String copy = pothole.replace("PotholeRepairProcess", "GuardPotholeProcess");
        assertThat(copy).contains("GuardPotholeProcess", "PotholeRouting").contains("${departmentGroup}");

        ResponseEntity<Map<String, Object>> response = deploy(owner, "guard-pothole.bpmn", copy);

        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
        try {
            assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("GuardPotholeProcess").count()).isOne();
        } finally {
            repositoryService.deleteDeployment((String) response.getBody().get("id"), true);
        }
    }

    static Stream<Arguments> refusedModels() {
        return Stream.of(
                arguments("script-task.bpmn", process("GuardScriptProcess", "", """
                        <bpmn:scriptTask id="Task_RunScript" scriptFormat="javascript"><bpmn:script>java.lang.System.exit(1)</bpmn:script></bpmn:scriptTask>
                        """), "element Task_RunScript, bpmn:scriptTask - scripts may not run"),
                arguments("java-class.bpmn", process("GuardClassProcess", "", """
                        <bpmn:serviceTask id="Task_RunClass" camunda:class="org.onestop.models.ModelGuard" />
                        """), "element Task_RunClass, camunda:class: org.onestop.models.ModelGuard - a Java class may not be named"),
                arguments("engine.bpmn", process("GuardEngineProcess",
                        "camunda:assignee=\"${execution.getProcessEngineServices().getIdentityService().createMembership('it-guard-owner','camunda-admin')}\"", ""),
                        "element Task_Work, camunda:assignee: ${execution.getProcessEngineServices().getIdentityService()"
                                + ".createMembership('it-guard-owner','camunda-admin')} - 'execution' hands the model the engine itself"),
                arguments("reflection.bpmn", process("GuardReflectionProcess", "camunda:candidateGroups=\"${''.getClass().forName('java.lang.Runtime')}\"", ""),
                        "element Task_Work, camunda:candidateGroups: ${''.getClass().forName('java.lang.Runtime')} - 'getClass' reaches into Java itself"),
                arguments("javascript.dmn", ModelCheckTest.dmn("", "expressionLanguage=\"javascript\"", "\"high\""),
                        "javascript.dmn, element InputExpression_Size, inputExpression expressionLanguage: javascript - only FEEL may evaluate"));
    }

    @ParameterizedTest
    @MethodSource("refusedModels")
    void codeInAModelIsRefusedWith400NamingTheElement(String fileName, String model, String expectedLine) {
        String owner = user("it-guard-owner", "process-owners");

        ResponseEntity<Map<String, Object>> response = deploy(owner, fileName, model);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) response.getBody().get("message")).contains(expectedLine);
    }

    @Test
    void theSameModelWithoutTheCodeDeploys() {
        // the refused models above differ from this one only in the code they carry
        String owner = user("it-guard-owner", "process-owners");
        ResponseEntity<Map<String, Object>> response = deploy(owner, "plain.bpmn",
                process("GuardPlainProcess", "camunda:candidateGroups=\"${departmentGroup}\"", ""));
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
        repositoryService.deleteDeployment((String) response.getBody().get("id"), true);
        ResponseEntity<Map<String, Object>> decision = deploy(owner, "plain.dmn", ModelCheckTest.dmn("", "", "\"high\""));
        assertThat(decision.getStatusCode()).as("%s", decision.getBody()).isEqualTo(HttpStatus.OK);
        repositoryService.deleteDeployment((String) decision.getBody().get("id"), true);
    }

    @Test
    void redeployingADeploymentMadeBeforeTheGuardIsRefused() {
        String owner = user("it-guard-owner", "process-owners");
        ResponseEntity<Map<String, Object>> deployed = deploy(owner, "redeploy.bpmn", process("GuardRedeployProcess", "", ""));
        assertThat(deployed.getStatusCode()).as("%s", deployed.getBody()).isEqualTo(HttpStatus.OK);
        String id = (String) deployed.getBody().get("id");
        try {
            // as stored by an older OneStop, which did not check models
            int changed = jdbc.update("update ACT_GE_BYTEARRAY set BYTES_ = ? where DEPLOYMENT_ID_ = ? and NAME_ = ?",
                    process("GuardRedeployProcess", "camunda:assignee=\"" + MAKE_ADMIN + "\"", "").getBytes(StandardCharsets.UTF_8), id, "redeploy.bpmn");
            assertThat(changed).isOne();

            ResponseEntity<Map<String, Object>> redeployed = postJson(as(owner), "/engine-rest/deployment/" + id + "/redeploy", Map.of());

            assertThat(redeployed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat((String) redeployed.getBody().get("message")).contains("redeploy.bpmn, element Task_Work, camunda:assignee: " + MAKE_ADMIN);
            assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("GuardRedeployProcess").count()).isOne();
        } finally {
            repositoryService.deleteDeployment(id, true);
        }
        assertThat(isAdmin(owner)).isFalse();
    }

    @Test
    void theJavaApiIsGuarded() {
        assertThatThrownBy(() -> repositoryService.createDeployment().addString("java-api.bpmn",
                process("GuardJavaApiProcess", "camunda:assignee=\"" + MAKE_ADMIN + "\"", "")).deploy())
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("java-api.bpmn, element Task_Work, camunda:assignee: " + MAKE_ADMIN);
    }

    @Test
    void theAutoDeploymentIsGuarded(@TempDir Path folder) throws IOException {
        Path model = Files.writeString(folder.resolve("auto.bpmn"), process("GuardAutoProcess", "camunda:assignee=\"" + MAKE_ADMIN + "\"", ""));
        Resource[] resources = configuration.getDeploymentResources();
        configuration.setDeploymentResources(new Resource[] {new FileSystemResource(model)});
        try {
            // the starter's own auto-deployment, as at start-up
            assertThatThrownBy(() -> ReflectionTestUtils.invokeMethod(configuration, "autoDeployResources", processEngine))
                    .isInstanceOf(BadUserRequestException.class)
                    .hasMessageContaining("auto.bpmn, element Task_Work, camunda:assignee: " + MAKE_ADMIN);
        } finally {
            configuration.setDeploymentResources(resources);
        }
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("GuardAutoProcess").count()).isZero();
    }

    @Test
    void everyBundledModelPassesTheCheck() throws IOException {
        ModelCheck check = ModelBeans.of(beanFactory).check();
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        List<Resource> models = new ArrayList<>();
        for (String pattern : List.of("classpath*:bpmn/*.bpmn", "classpath*:dmn/*.dmn", "classpath*:forms/*.form", "classpath*:new-service/*")) {
            models.addAll(List.of(resolver.getResources(pattern)));
        }
        assertThat(models).extracting(Resource::getFilename).contains("case-lifecycle.bpmn", "complaint.bpmn", "graffiti.bpmn",
                "standards-pothole.dmn", "pothole-start.form", "shopping-cart.bpmn");
        List<String> problems = new ArrayList<>();
        for (Resource model : models) {
            try (InputStream in = model.getInputStream()) {
                check.check(model.getFilename(), in.readAllBytes()).forEach(p -> problems.add(p.describe()));
            }
        }
        assertThat(problems).isEmpty();
    }
}
