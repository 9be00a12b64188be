package org.onestop.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The model check on BPMN, DMN and form files, without an engine. */
class ModelCheckTest {

    static final Set<String> MODEL_BEANS = Set.of("assignCase", "closeCase");

    private final ModelCheck check = new ModelCheck(MODEL_BEANS, Set.of("identityService", "runtimeService"));

    static String bpmn(String processBody) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                    xmlns:activiti="http://activiti.org/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    id="Definitions_Test" targetNamespace="http://onestop.org/test">
                  <bpmn:process id="TestProcess" isExecutable="true" camunda:historyTimeToLive="P1D">
                %s
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(processBody);
    }

    static String dmn(String definitionsAttributes, String inputExpressionAttributes, String outputEntry) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn" id="Definitions_Test" name="Test" namespace="http://onestop.org/dmn" %s>
                  <decision id="TestDecision" name="Test" camunda:historyTimeToLive="P1D">
                    <decisionTable id="DecisionTable_Test" hitPolicy="FIRST">
                      <input id="Input_Size" label="Size">
                        <inputExpression id="InputExpression_Size" typeRef="string" %s><text>size</text></inputExpression>
                      </input>
                      <output id="Output_Priority" name="priority" typeRef="string" />
                      <rule id="Rule_Large">
                        <inputEntry id="InputEntry_Large"><text>"large"</text></inputEntry>
                        <outputEntry id="OutputEntry_High"><text>%s</text></outputEntry>
                      </rule>
                      <rule id="Rule_Other">
                        <inputEntry id="InputEntry_Other"><text>-</text></inputEntry>
                        <outputEntry id="OutputEntry_Normal"><text>"normal"</text></outputEntry>
                      </rule>
                    </decisionTable>
                  </decision>
                </definitions>
                """.formatted(definitionsAttributes, inputExpressionAttributes, outputEntry);
    }

    private List<ModelProblem> bpmnProblems(String processBody) {
        return check.check("test.bpmn", bpmn(processBody).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aProcessWithOnlyVariablesModelBeansAndFunctionsPasses() {
        assertThat(bpmnProblems("""
                <bpmn:startEvent id="Start" camunda:initiator="starter" />
                <bpmn:serviceTask id="Assign" camunda:delegateExpression="${assignCase}">
                  <bpmn:extensionElements><camunda:inputOutput>
                    <camunda:inputParameter name="who">${currentUser()}</camunda:inputParameter>
                    <camunda:outputParameter name="group">${decisionResult[0].departmentGroup}</camunda:outputParameter>
                  </camunda:inputOutput></bpmn:extensionElements>
                </bpmn:serviceTask>
                <bpmn:userTask id="Work" camunda:candidateGroups="${departmentGroup}" camunda:dueDate="${resolveBy}" />
                <bpmn:serviceTask id="Close" camunda:expression="${closeCase.summary(reference)}" />
                <bpmn:sequenceFlow id="Flow_Big" sourceRef="Work" targetRef="Close">
                  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${size == 'large' &amp;&amp; hazard}</bpmn:conditionExpression>
                </bpmn:sequenceFlow>
                """)).isEmpty();
    }

    @Test
    void theEscalationIsRefusedWithItsElementAndExpression() {
        List<ModelProblem> problems = bpmnProblems("""
                <bpmn:startEvent id="Event_Escalate">
                  <bpmn:extensionElements>
                    <camunda:executionListener event="start" expression="${identityService.createMembership('owner','camunda-admin')}" />
                  </bpmn:extensionElements>
                  <bpmn:timerEventDefinition id="Timer"><bpmn:timeDate>${identityService.createMembership('owner','camunda-admin')}</bpmn:timeDate></bpmn:timerEventDefinition>
                </bpmn:startEvent>
                """);
        assertThat(problems).extracting(ModelProblem::elementId, ModelProblem::where, ModelProblem::problem).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Event_Escalate", "camunda:executionListener expression", "'identityService' is not a bean models may use"),
                org.assertj.core.groups.Tuple.tuple("Timer", "bpmn:timeDate", "'identityService' is not a bean models may use"));
        assertThat(problems.get(0).expression()).isEqualTo("${identityService.createMembership('owner','camunda-admin')}");
        assertThat(problems.get(0).describe()).isEqualTo("test.bpmn, element Event_Escalate, camunda:executionListener expression: "
                + "${identityService.createMembership('owner','camunda-admin')} - 'identityService' is not a bean models may use. "
                + "Fix: use one of the model beans (assignCase, closeCase); if you meant a process variable, give it another name");
    }

    @Test
    void scriptsAreRefusedWhereverTheyAre() {
        assertThat(bpmnProblems("""
                <bpmn:scriptTask id="Task_Script" scriptFormat="groovy"><bpmn:script>'rm -rf /'.execute()</bpmn:script></bpmn:scriptTask>
                <bpmn:userTask id="Task_Listened">
                  <bpmn:extensionElements>
                    <camunda:taskListener event="create"><camunda:script scriptFormat="javascript">java.lang.System.exit(1)</camunda:script></camunda:taskListener>
                    <camunda:inputOutput><camunda:inputParameter name="x"><camunda:script scriptFormat="groovy" resource="deployment://x.groovy" /></camunda:inputParameter></camunda:inputOutput>
                  </bpmn:extensionElements>
                </bpmn:userTask>
                <bpmn:sequenceFlow id="Flow_Scripted" sourceRef="Task_Script" targetRef="Task_Listened">
                  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="groovy">true</bpmn:conditionExpression>
                </bpmn:sequenceFlow>
                """)).extracting(ModelProblem::elementId, ModelProblem::where).contains(
                org.assertj.core.groups.Tuple.tuple("Task_Script", "bpmn:scriptTask"),
                org.assertj.core.groups.Tuple.tuple("Task_Listened", "camunda:script"),
                org.assertj.core.groups.Tuple.tuple("Flow_Scripted", "language"));
    }

    @Test
    void javaClassesAreRefusedInEveryForm() {
        assertThat(bpmnProblems("""
                <bpmn:serviceTask id="Task_Class" camunda:class="org.example.Evil" />
                <bpmn:serviceTask id="Task_OldNamespace" activiti:class="org.example.Evil" />
                <bpmn:callActivity id="Call" calledElement="Other" camunda:variableMappingClass="org.example.Mapping" />
                <bpmn:startEvent id="Start" camunda:formHandlerClass="org.example.Handler">
                  <bpmn:extensionElements><camunda:executionListener class="org.example.Listener" event="start" /></bpmn:extensionElements>
                </bpmn:startEvent>
                <bpmn:userTask id="Task_Validated">
                  <bpmn:extensionElements><camunda:formData><camunda:formField id="amount" type="long">
                    <camunda:validation><camunda:constraint name="validator" config="org.example.Validator" /></camunda:validation>
                  </camunda:formField></camunda:formData></bpmn:extensionElements>
                </bpmn:userTask>
                <bpmn:serviceTask id="Task_Connector"><bpmn:extensionElements><camunda:connector><camunda:connectorId>http-connector</camunda:connectorId></camunda:connector></bpmn:extensionElements></bpmn:serviceTask>
                """)).extracting(ModelProblem::elementId, ModelProblem::where).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Task_Class", "camunda:class"),
                org.assertj.core.groups.Tuple.tuple("Task_OldNamespace", "activiti:class"),
                org.assertj.core.groups.Tuple.tuple("Call", "camunda:variableMappingClass"),
                org.assertj.core.groups.Tuple.tuple("Start", "camunda:formHandlerClass"),
                org.assertj.core.groups.Tuple.tuple("Start", "camunda:executionListener class"),
                org.assertj.core.groups.Tuple.tuple("Task_Validated", "camunda:constraint name=\"validator\""),
                org.assertj.core.groups.Tuple.tuple("Task_Connector", "camunda:connector"));
    }

    @Test
    void aDelegateExpressionIsExactlyOneModelBean() {
        assertThat(bpmnProblems("""
                <bpmn:serviceTask id="Task_Good" camunda:delegateExpression="${assignCase}" />
                <bpmn:serviceTask id="Task_Foreign" camunda:delegateExpression="${runtimeService}" />
                <bpmn:serviceTask id="Task_Chained" camunda:delegateExpression="${assignCase.self}" />
                <bpmn:serviceTask id="Task_Plain" camunda:delegateExpression="assignCase" />
                <bpmn:callActivity id="Call" calledElement="Other" camunda:variableMappingDelegateExpression="${identityService}" />
                """)).extracting(ModelProblem::elementId).containsExactly("Task_Foreign", "Task_Chained", "Task_Plain", "Call");
    }

    @Test
    void expressionsInEveryAttributeAndTextAreChecked() {
        assertThat(bpmnProblems("""
                <bpmn:userTask id="Task_Assignee" camunda:assignee="${execution.getProcessEngineServices().getIdentityService().createMembership('owner','camunda-admin')}" />
                <bpmn:serviceTask id="Task_Reflect" camunda:expression="${''.getClass().forName('java.lang.Runtime')}" />
                <bpmn:userTask id="Task_Documented"><bpmn:documentation>See ${runtimeService}</bpmn:documentation></bpmn:userTask>
                <bpmn:subProcess id="Sub"><bpmn:multiInstanceLoopCharacteristics camunda:collection="${items.subList(0, 2)}" /></bpmn:subProcess>
                """)).extracting(ModelProblem::elementId).containsExactly("Task_Assignee", "Task_Reflect", "Task_Reflect", "Task_Reflect",
                "Task_Documented", "Sub");
    }

    @Test
    void anExpressionSplitByCdataOrAChildElementIsReadAsTheEngineReadsIt() {
        assertThat(bpmnProblems("""
                <bpmn:sequenceFlow id="Flow_Cdata" sourceRef="A" targetRef="B">
                  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">$<![CDATA[{identityService.createMembership('owner','camunda-admin')}]]></bpmn:conditionExpression>
                </bpmn:sequenceFlow>
                <bpmn:sequenceFlow id="Flow_Split" sourceRef="A" targetRef="B">
                  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">$<bpmn:documentation />{runtimeService}</bpmn:conditionExpression>
                </bpmn:sequenceFlow>
                """)).extracting(ModelProblem::elementId, ModelProblem::expression).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Flow_Cdata", "${identityService.createMembership('owner','camunda-admin')}"),
                org.assertj.core.groups.Tuple.tuple("Flow_Split", "${runtimeService}"));
    }

    @Test
    void decisionsMayOnlyUseFeel() {
        assertThat(check.check("good.dmn", dmn("", "", "\"high\"").getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(check.check("feel.dmn", dmn("expressionLanguage=\"https://www.omg.org/spec/DMN/20191111/FEEL/\"",
                "expressionLanguage=\"feel\"", "\"high\"").getBytes(StandardCharsets.UTF_8))).isEmpty();

        List<ModelProblem> javascript = check.check("js.dmn", dmn("", "expressionLanguage=\"javascript\"", "\"high\"").getBytes(StandardCharsets.UTF_8));
        assertThat(javascript).extracting(ModelProblem::elementId, ModelProblem::expression)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("InputExpression_Size", "javascript"));

        assertThat(check.check("juel.dmn", dmn("expressionLanguage=\"juel\"", "", "\"high\"").getBytes(StandardCharsets.UTF_8)))
                .extracting(ModelProblem::elementId).containsExactly("Definitions_Test");
        assertThat(check.check("external.dmn", dmn("", "",
                "function(x) external {java: {class: \"java.lang.Runtime\", method signature: \"getRuntime()\"}}").getBytes(StandardCharsets.UTF_8)))
                .extracting(ModelProblem::elementId, ModelProblem::problem)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("OutputEntry_High", "a FEEL external function calls Java"));
        // "external" inside a FEEL string is only text
        assertThat(check.check("text.dmn", dmn("", "", "\"external contractor\"").getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void aDoctypeAndExternalEntitiesAreNeverRead() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE definitions [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D"><bpmn:process id="P">&secret;</bpmn:process></bpmn:definitions>
                """;
        List<ModelProblem> problems = check.check("xxe.bpmn", xxe.getBytes(StandardCharsets.UTF_8));
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).problem()).startsWith("the file cannot be read as XML without a DOCTYPE").doesNotContain("root:");
    }

    @Test
    void formsMustBeJsonCmmnIsRefusedOtherFilesPass() {
        assertThat(check.check("start.form", "{\"id\": \"start\", \"components\": []}".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(check.check("start.form", "{\"components\": [".getBytes(StandardCharsets.UTF_8)))
                .extracting(ModelProblem::problem).singleElement().asString().startsWith("the form is not valid JSON");
        assertThat(check.check("case.cmmn", "<definitions/>".getBytes(StandardCharsets.UTF_8)))
                .extracting(ModelProblem::problem).containsExactly("OneStop does not run CMMN cases");
        assertThat(check.check("diagram.png", new byte[] {1, 2, 3})).isEmpty();
        assertThat(check.check("/home/city/bpmn/pothole.bpmn20.xml", "not xml".getBytes(StandardCharsets.UTF_8)))
                .extracting(ModelProblem::resource).containsExactly("pothole.bpmn20.xml");
        assertThat(ModelCheck.isModel("x.dmn11.xml")).isTrue();
        assertThat(ModelCheck.isModel("x.html")).isFalse();
    }

    @Test
    void feelThatDoesNotParseIsRefusedWithTheRuleAndTheText() {
        assertThat(check.check("typo.dmn", dmn("", "", "\"high").getBytes(StandardCharsets.UTF_8)))
                .extracting(ModelProblem::elementId, ModelProblem::expression)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("OutputEntry_High", "\"high"));
        String badInput = dmn("", "", "\"high\"").replace("<text>\"large\"</text>", "<text>&gt;= &gt;= 5</text>");
        assertThat(check.check("input.dmn", badInput.getBytes(StandardCharsets.UTF_8)))
                .extracting(ModelProblem::elementId).containsExactly("InputEntry_Large");
        String anyValue = dmn("", "", "\"high\"").replace("<text>\"large\"</text>", "<text>-</text>");
        // "-" parses; the table's own catch-all below it then never decides
        assertThat(check.check("any.dmn", anyValue.getBytes(StandardCharsets.UTF_8)))
                .extracting(ModelProblem::elementId, ModelProblem::where).containsExactly(org.assertj.core.groups.Tuple.tuple("Rule_Other", "rules"));
    }

    @Test
    void formsNeedAnIdKnownTypesAndUniqueUnreservedKeysWithOptions() {
        String form = """
                {"id": "start", "components": [
                  {"id": "F1", "type": "textfield", "key": "street"},
                  {"id": "F2", "type": "group", "components": [{"id": "F3", "type": "textfield", "key": "street"}]},
                  {"id": "F4", "type": "select", "key": "priority", "values": []},
                  {"id": "F5", "type": "slider", "key": "level"},
                  {"id": "F6", "type": "textfield", "key": "2nd"},
                  {"id": "F7", "type": "textfield", "key": "code", "validate": {"pattern": "[0-9", "minLength": 5, "maxLength": 2}},
                  {"id": "F8", "type": "radio", "key": "size", "values": [{"label": "A", "value": "a"}, {"label": "B", "value": "a"}]},
                  {"id": "F9", "type": "textarea", "key": "resolutionNote"},
                  {"id": "F10", "type": "text", "text": "Thank you"}
                ]}
                """;
        assertThat(check.check("start.form", form.getBytes(StandardCharsets.UTF_8)))
                .extracting(ModelProblem::elementId, ModelProblem::where)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("F3", "key"),
                        org.assertj.core.groups.Tuple.tuple("F4", "key"),
                        org.assertj.core.groups.Tuple.tuple("F4", "values"),
                        org.assertj.core.groups.Tuple.tuple("F5", "type"),
                        org.assertj.core.groups.Tuple.tuple("F6", "key"),
                        org.assertj.core.groups.Tuple.tuple("F7", "validate.pattern"),
                        org.assertj.core.groups.Tuple.tuple("F7", "validate.minLength"),
                        org.assertj.core.groups.Tuple.tuple("F8", "values"));
        assertThat(check.check("noid.form", "{\"components\": []}".getBytes(StandardCharsets.UTF_8)))
                .extracting(ModelProblem::where).containsExactly("id");
    }
}
