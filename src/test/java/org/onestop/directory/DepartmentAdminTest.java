package org.onestop.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.departments.DepartmentRegistry;
import org.onestop.departments.Departments;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Departments are data: an administrator adds one through the API, it gets its engine groups and rights at once, the
 * model check accepts a routing table sending cases to it, and intake routes a case there; another node's change is
 * picked up by the periodic check; bad input is refused whole with every field named.
 */
class DepartmentAdminTest extends IntegrationTest {

    static final String PARKS = "it-parks-forestry";

    @Autowired
    Departments departments;
    @Autowired
    DepartmentRegistry registry;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    AuthorizationService authorizationService;
    @Autowired
    JdbcTemplate jdbc;

    /** The shared test database keeps no department of this test: its row and groups go, and this node reloads. */
    @AfterEach
    void removeTheTestsDepartments() {
        for (String id : List.of(PARKS, "it-other-node")) {
            jdbc.update("DELETE FROM department WHERE id = ?", id);
            for (String group : new Departments.Department(id, id).groups()) {
                if (identityService.createGroupQuery().groupId(group).count() > 0) {
                    identityService.deleteGroup(group);
                }
            }
        }
        registry.check();
    }

    @Test
    void anAdministratorAddsADepartmentAndIntakeRoutesACaseThere() throws IOException {
        String admin = user("it-dept-admin", "camunda-admin");
        ResponseEntity<Map<String, Object>> added = postJson(as(admin), "/api/departments", Map.of("id", PARKS,
                "name", "Parks and forestry", "nameFr", "Parcs et foresterie", "phone", "905-555-0199 ext 12",
                "email", "parks@lakeport.example", "description", "Parks, trails and city trees."));
        assertThat(added.getStatusCode()).as("%s", added.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(added.getBody()).containsEntry("id", PARKS).containsEntry("nameFr", "Parcs et foresterie");

        // This node has it at once; its four groups exist, typed, with the rights the other departments' groups have.
        assertThat(departments.find(PARKS)).isPresent();
        assertThat(departments.nameOf(PARKS, java.util.Locale.FRENCH)).isEqualTo("Parcs et foresterie");
        List<Group> groups = identityService.createGroupQuery().groupIdIn(PARKS, PARKS + "-supervisors", PARKS + "-oncall", PARKS + "-head").list();
        assertThat(groups).extracting(Group::getType).containsExactlyInAnyOrder("DEPARTMENT", "SUPERVISORS", "ONCALL", "HEAD");
        for (String group : List.of(PARKS, PARKS + "-supervisors", PARKS + "-oncall", PARKS + "-head", "roads")) {
            assertThat(authorizationService.isUserAuthorized("nobody", List.of(group), Permissions.ACCESS, Resources.APPLICATION, "tasklist"))
                    .as(group).isTrue();
        }
        assertThat(authorizationService.isUserAuthorized("nobody", List.of(PARKS + "-supervisors"), Permissions.ACCESS, Resources.APPLICATION, "cockpit"))
                .isEqualTo(authorizationService.isUserAuthorized("nobody", List.of("roads-supervisors"), Permissions.ACCESS, Resources.APPLICATION, "cockpit"))
                .isTrue();
        assertThat(as(admin).getForObject("/api/departments", String.class)).contains(PARKS, "905-555-0199 ext 12");

        // A process owner deploys a routing table sending the shopping-cart service to it: the model check accepts it.
        String owner = user("it-dept-owner", "process-owners");
        String agent = user("it-dept-agent", "contact-centre");
        String ranger = user("it-dept-ranger", PARKS);
        MultiValueMap<String, Object> files = new LinkedMultiValueMap<>();
        files.add("deployment-name", "it-parks");
        for (String name : List.of("shopping-cart.bpmn", "routing-shopping-cart.dmn", "standards-shopping-cart.dmn", "shopping-cart-start.form", "collect-shopping-cart.form")) {
            String content = new ClassPathResource("new-service/" + name).getContentAsString(StandardCharsets.UTF_8).replace("\"waste\"", "\"" + PARKS + "\"");
            files.add(name, new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
                @Override
                public String getFilename() {
                    return name;
                }
            });
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<Map<String, Object>> deployed = as(owner).exchange("/engine-rest/deployment/create", HttpMethod.POST,
                new HttpEntity<>(files, headers), JSON_OBJECT);
        assertThat(deployed.getStatusCode()).as("%s", deployed.getBody()).isEqualTo(HttpStatus.OK);
        try {
            Map<String, Object> request = new HashMap<>(Map.of("serviceCode", "shopping-cart", "channel", "phone",
                    "address", "Red Hill Creek at Queenston Rd", "answers", Map.of("inWater", true, "store", "FreshCo")));
            ResponseEntity<Map<String, Object>> created = postJson(as(agent), "/api/cases", request);
            assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
            assertThat(created.getBody()).containsEntry("department", PARKS);
            String reference = (String) created.getBody().get("reference");
            Task task = onlyDepartmentTask(reference);
            // Its staff see and claim the task through the engine's REST API, as in Tasklist.
            assertThat(as(ranger).exchange("/engine-rest/task?processInstanceBusinessKey=" + reference + "&maxResults=10",
                    HttpMethod.GET, null, JSON_LIST).getBody()).extracting(t -> t.get("id")).contains(task.getId());
            assertThat(postJson(as(ranger), "/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", ranger)).getStatusCode())
                    .isEqualTo(HttpStatus.NO_CONTENT);
            // The directory lists the service under the new department.
            assertThat(as(agent).getForObject("/api/directory?q=parks", String.class)).contains(PARKS, "shopping-cart", "it-dept-ranger");
        } finally {
            repositoryService.deleteDeployment((String) deployed.getBody().get("id"), true);
        }

        // A change: a new name, the same id.
        ResponseEntity<Map<String, Object>> changed = as(admin).exchange("/api/departments/" + PARKS, HttpMethod.PUT,
                json(Map.of("name", "Parks, forestry and trails", "phone", "311")), JSON_OBJECT);
        assertThat(changed.getStatusCode()).as("%s", changed.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(departments.nameOf(PARKS)).isEqualTo("Parks, forestry and trails");
        assertThat(identityService.createGroupQuery().groupId(PARKS + "-head").singleResult().getName()).isEqualTo("Head of Parks, forestry and trails");
        assertThat(as(admin).exchange("/api/departments/no-such-department", HttpMethod.PUT, json(Map.of("name", "X")), JSON_OBJECT)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void badInputIsRefusedWholeWithEveryFieldNamed() {
        String admin = user("it-dept-admin", "camunda-admin");
        int before = departments.departments().size();
        ResponseEntity<Map<String, Object>> bad = postJson(as(admin), "/api/departments", Map.of("id", "Parks Dept",
                "phone", "call us", "email", "parks-at-lakeport", "description", "x".repeat(2001)));
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody().get("errors").toString()).contains("field=id", "field=name", "field=phone", "field=email", "field=description");
        for (Map.Entry<String, String> id : Map.of("contact-centre", "not a department's", "roads", "already a department",
                "roads-supervisors", "-supervisors", "p".repeat(41), "at most 40").entrySet()) {
            ResponseEntity<Map<String, Object>> refused = postJson(as(admin), "/api/departments", Map.of("id", id.getKey(), "name", "X"));
            assertThat(refused.getStatusCode()).as(id.getKey()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody().get("errors").toString()).as(id.getKey()).contains("field=id", id.getValue());
        }
        ResponseEntity<Map<String, Object>> empty = as(admin).exchange("/api/departments", HttpMethod.POST, json("not json"), JSON_OBJECT);
        assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(as(admin).exchange("/api/departments/roads", HttpMethod.PUT, json(Map.of("name", " ")), JSON_OBJECT)
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(departments.nameOf("roads")).isEqualTo("Roads");
        assertThat(departments.departments()).hasSize(before);
        assertThat(identityService.createGroupQuery().groupId("parks dept").count()).isZero();

        String agent = user("it-dept-agent", "contact-centre");
        assertThat(postJson(as(agent), "/api/departments", Map.of("id", PARKS, "name", "Parks")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(departments.find(PARKS)).isEmpty();
    }

    @Test
    void aDepartmentAddedOnAnotherNodeIsSeenAtTheNextCheck() {
        jdbc.update("INSERT INTO department (id, name, sort_key, revision, updated_at, updated_by) "
                + "SELECT 'it-other-node', 'Other node', MAX(sort_key) + 1, MAX(revision) + 1, CURRENT_TIMESTAMP, 'test' FROM department");
        assertThat(departments.find("it-other-node")).isEmpty();
        registry.check();
        assertThat(departments.find("it-other-node")).isPresent();
    }

    private static HttpEntity<Object> json(Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
