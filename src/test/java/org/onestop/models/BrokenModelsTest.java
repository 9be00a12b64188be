package org.onestop.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.onestop.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The broken models a city's review deployed as a process owner, each of which used to be accepted and then broke live
 * cases: every one is now refused at deploy with a 400 that names the file, the element and the fix, nothing of it is
 * deployed, and the live service takes the next case as before.
 */
class BrokenModelsTest extends IntegrationTest {

    @Autowired
    RepositoryService repositoryService;

    private String owner;

    static String bundled(String path) {
        try {
            return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The decision file without these rules. */
    static String withoutRules(String dmn, String... ruleIds) {
        String result = dmn;
        for (String id : ruleIds) {
            String cut = result.replaceFirst("(?s)<rule id=\"" + id + "\">.*?</rule>", "");
            assertThat(cut).as("rule %s", id).isNotEqualTo(result);
            result = cut;
        }
        return result;
    }

    static final String ROUTING = bundled("dmn/routing-pothole.dmn");
    static final String PROCESS = bundled("bpmn/pothole.bpmn");
    static final String FORM = bundled("forms/pothole-start.form");

    static Stream<Arguments> brokenModels() {
        return Stream.of(
                arguments("a FEEL typo in a routing rule", Map.of("routing-pothole.dmn",
                                ROUTING.replaceFirst("<text>\"large\"</text>", "<text>\"large</text>")),
                        List.of("routing-pothole.dmn, element Rule_LargePotholeIsHigh_Size", "this is not valid FEEL")),
                arguments("a routing table without its priority column", Map.of("routing-pothole.dmn",
                                ROUTING.replace("name=\"priority\"", "name=\"urgency\"")),
                        List.of("routing-pothole.dmn, element PotholeRouting", "must have the outputs departmentGroup and priority")),
                arguments("a mistyped department", Map.of("routing-pothole.dmn",
                                ROUTING.replaceFirst("<text>\"roads\"</text>", "<text>\"road\"</text>")),
                        List.of("departmentGroup: \"road\"", "no staff group has this id")),
                arguments("a department without its supervisors group", Map.of("routing-pothole.dmn",
                                ROUTING.replaceFirst("<text>\"roads\"</text>", "<text>\"it-crew\"</text>")),
                        List.of("departmentGroup: \"it-crew\"", "no supervisors group (it-crew-supervisors)")),
                arguments("service standards without a row for a priority a service can get", Map.of("standards-pothole.dmn",
                                withoutRules(bundled("dmn/standards-pothole.dmn"), "Rule_PotholeHigh", "Rule_PotholeDefault")),
                        List.of("pothole.bpmn, element PotholeRepairProcess", "no standard for this service at priority high")),
                arguments("a priority OneStop does not know", Map.of("routing-pothole.dmn",
                                ROUTING.replaceFirst("<text>\"high\"</text>", "<text>\"asap\"</text>")),
                        List.of("priority: \"asap\"", "not a priority OneStop knows")),
                arguments("a mistyped delegate", Map.of("case-lifecycle.bpmn",
                                bundled("bpmn/case-lifecycle.bpmn").replace("${resolveCase}", "${resolveCse}")),
                        List.of("case-lifecycle.bpmn", "${resolveCse}", "a delegate must be exactly ${bean} for a model bean")),
                arguments("a mistyped candidate group", Map.of("pothole.bpmn",
                                PROCESS.replaceFirst("camunda:candidateGroups=\"\\$\\{departmentGroup}\"", "camunda:candidateGroups=\"rods\"")),
                        List.of("pothole.bpmn, element Task_InspectPothole, camunda:candidateGroups: rods", "nobody would see the task")),
                arguments("a mistyped routing decision", Map.of("pothole.bpmn",
                                PROCESS.replace("value=\"PotholeRouting\"", "value=\"PotholeRoutng\"")),
                        List.of("routingDecision: PotholeRoutng", "no decision with this id")),
                arguments("a form missing from the deployment", Map.of("pothole.bpmn",
                                PROCESS.replace("camunda:formRef=\"inspect-pothole\"", "camunda:formRef=\"inspect-pothol\""),
                                "pothole-start.form", FORM),
                        List.of("camunda:formRef: inspect-pothol", "no form with this id")),
                arguments("two questions with one key", Map.of("pothole-start.form",
                                FORM.replace("\"key\": \"size\"", "\"key\": \"hazard\"")),
                        List.of("pothole-start.form, element Field_size, key: hazard", "same key")),
                arguments("a question overwriting OneStop's own variable", Map.of("pothole-start.form",
                                FORM.replace("\"key\": \"size\"", "\"key\": \"priority\"")),
                        List.of("key: priority", "OneStop sets this variable itself")),
                arguments("a mistyped variable on the flow after a user task", Map.of("pothole.bpmn",
                                PROCESS.replace("${repairNeeded}", "${repairNeded}")),
                        List.of("pothole.bpmn, element Flow_RepairNeededYes: ${repairNeded}", "the variable 'repairNeded' is set nowhere",
                                "did you mean 'repairNeeded'?")),
                arguments("a routing table without its catch-all (a gap)", Map.of("routing-pothole.dmn",
                                withoutRules(ROUTING, "Rule_OtherPotholesAreNormal")),
                        List.of("routing-pothole.dmn, element PotholeRouting, rules: hazard = false, size = \"small\", locationOnRoad = \"driving-lane\"",
                                "no rule decides for these inputs")),
                arguments("a rule added below the catch-all (it never decides)", Map.of("routing-pothole.dmn",
                                ROUTING.replace("</decisionTable>", """
                                        <rule id="Rule_MediumInTheDrivingLane">
                                          <inputEntry id="Rule_MediumInTheDrivingLane_Hazard"><text></text></inputEntry>
                                          <inputEntry id="Rule_MediumInTheDrivingLane_Size"><text>"medium"</text></inputEntry>
                                          <inputEntry id="Rule_MediumInTheDrivingLane_LocationOnRoad"><text>"driving-lane"</text></inputEntry>
                                          <outputEntry id="Rule_MediumInTheDrivingLane_DepartmentGroup"><text>"roads"</text></outputEntry>
                                          <outputEntry id="Rule_MediumInTheDrivingLane_Priority"><text>"high"</text></outputEntry>
                                        </rule>
                                        </decisionTable>""")),
                        List.of("routing-pothole.dmn, element Rule_MediumInTheDrivingLane", "the rule never decides")),
                arguments("a rule waiting for an answer the form does not offer", Map.of("routing-pothole.dmn",
                                ROUTING.replaceFirst("<text>\"large\"</text>", "<text>\"larg\"</text>")),
                        List.of("routing-pothole.dmn, element Rule_LargePotholeIsHigh", "matches none of the values its inputs can take",
                                "the form pothole-start")));
    }

    @BeforeEach
    void ownerAndACrewWithoutSupervisors() {
        owner = user("it-broken-owner", "process-owners");
        if (identityService.createGroupQuery().groupId("it-crew").count() == 0) {
            Group crew = identityService.newGroup("it-crew");
            crew.setName("Test crew");
            identityService.saveGroup(crew);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenModels")
    void refusedAt400NamingTheProblemAndLiveIntakeUnaffected(String what, Map<String, String> files, List<String> message) {
        long deploymentsBefore = repositoryService.createDeploymentQuery().count();
        String latestRouting = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("PotholeRouting").latestVersion().singleResult().getId();

        ResponseEntity<Map<String, Object>> response = deploy(as(owner), "it-broken", files);
        if (response.getStatusCode().is2xxSuccessful()) {
            repositoryService.deleteDeployment((String) response.getBody().get("id"), true);
        }

        assertThat(response.getStatusCode()).as("%s: %s", what, response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) response.getBody().get("message")).as(what).contains(message).contains("Fix: ");
        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deploymentsBefore);
        assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("PotholeRouting").latestVersion().singleResult().getId())
                .isEqualTo(latestRouting);

        ResponseEntity<Map<String, Object>> intake = postJson(as(user("it-broken-agent", "contact-centre")), "/api/cases", pothole());
        assertThat(intake.getStatusCode()).as("%s", intake.getBody()).isEqualTo(HttpStatus.CREATED);
    }

    /** What Camunda Modeler's Deploy button sends: the files as one deployment through the engine's REST API. */
    static ResponseEntity<Map<String, Object>> deploy(TestRestTemplate client, String name, Map<String, String> files) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", name);
        parts.add("deployment-source", "Camunda Modeler");
        new LinkedHashMap<>(files).forEach((fileName, content) -> parts.add(fileName, new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return fileName;
            }
        }));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return client.exchange("/engine-rest/deployment/create", HttpMethod.POST, new HttpEntity<>(parts, headers), JSON_OBJECT);
    }

    private static Map<String, Object> pothole() {
        return Map.of("serviceCode", "pothole", "channel", "phone", "description", "Reported by a caller",
                "address", "120 King St E, Lakeport", "answers", Map.of("hazard", false, "size", "small", "locationOnRoad", "shoulder"),
                "customer", Map.of("name", "Broken Models Resident", "phone", "905-555-0142"));
    }
}
