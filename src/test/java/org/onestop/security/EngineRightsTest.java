package org.onestop.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.places.Wards;
import org.onestop.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The engine's rights match the roles: the administrator administers Camunda, department staff comment on and read
 * the history of their own tasks only, process owners model but see no case, and older, wider grants are narrowed.
 * Runs on H2 and on MariaDB (profile mysql), where the administrator is the one created from ONESTOP_ADMIN_USER.
 */
class EngineRightsTest extends IntegrationTest {

    @Autowired
    AuthorizationService authorizationService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    IdentityBootstrap bootstrap;
    @Autowired
    Wards wards;
    @Value("${onestop.admin.username:}")
    String configuredAdmin;
    @Value("${onestop.admin.password:}")
    String configuredAdminPassword;
    @Value("${onestop.demo.users:false}")
    boolean demoUsers;

    /** The first administrator of this database: the configured one, else the demo's. */
    private String admin() {
        return configuredAdmin.isBlank() ? "admin" : configuredAdmin;
    }

    private String adminPassword() {
        return configuredAdmin.isBlank() ? "demo" : configuredAdminPassword;
    }

    private TestRestTemplate asAdmin() {
        return http.withBasicAuth(admin(), adminPassword());
    }

    private String openPothole() {
        String agent = user("it-rights-agent", IdentityBootstrap.CONTACT_CENTRE);
        Map<String, Object> request = new HashMap<>(Map.of("serviceCode", "pothole", "channel", "phone", "address", "1 Main St",
                "answers", Map.of("hazard", false, "size", "small", "locationOnRoad", "shoulder")));
        ResponseEntity<Map<String, Object>> created = postJson(as(agent), "/api/cases", request);
        assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
        return (String) created.getBody().get("reference");
    }

    private List<Map<String, Object>> getList(TestRestTemplate client, String path) {
        ResponseEntity<List<Map<String, Object>>> response = client.exchange(path, HttpMethod.GET, null, JSON_LIST);
        assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    // ------------------------------------------------------------------ the administrator

    @Test
    void theAdministratorOpensCamundaAdminAndCreatesAStaffUserWhoCanLogIn() throws Exception {
        WebSession browser = new WebSession(http.getRootUri());
        HttpResponse<String> login = browser.login(admin(), adminPassword());
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/staff"));

        HttpResponse<String> adminApp = browser.get("/camunda/app/admin/default/");
        assertThat(adminApp.statusCode()).isEqualTo(200);
        assertThat(browser.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(200);
        assertThat(browser.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
        HttpResponse<String> me = browser.get("/camunda/api/admin/auth/user/default");
        assertThat(me.body()).contains("\"userId\":\"" + admin() + "\"").contains("\"admin\"", "\"cockpit\"", "\"tasklist\"");

        // As Camunda Admin's "Add user" page does: the webapp's engine API, with the webapp's CSRF token.
        String xsrf = adminApp.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
        String newUser = "it-new-staff-" + System.nanoTime();
        String body = """
                {"profile": {"id": "%s", "firstName": "Nora", "lastName": "New", "email": "nora@example.org"},
                 "credentials": {"password": "a-long-new-password-1"}}""".formatted(newUser);
        HttpResponse<String> created = browser.postJson("/camunda/api/engine/engine/default/user/create", body, "X-XSRF-TOKEN", xsrf);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(204);
        // And through /engine-rest, as a script would.
        String scripted = "it-scripted-staff-" + System.nanoTime();
        ResponseEntity<Map<String, Object>> viaRest = postJson(asAdmin(), "/engine-rest/user/create", Map.of(
                "profile", Map.of("id", scripted, "firstName", "Sid", "lastName", "Script", "email", "sid@example.org"),
                "credentials", Map.of("password", "a-long-new-password-2")));
        assertThat(viaRest.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(asAdmin().exchange("/engine-rest/group/roads/members/" + scripted, HttpMethod.PUT, null, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        HttpResponse<String> newLogin = new WebSession(http.getRootUri()).login(newUser, "a-long-new-password-1");
        assertThat(newLogin.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/staff").doesNotContain("error"));
        assertThat(http.withBasicAuth(scripted, "a-long-new-password-2").getForEntity("/engine-rest/task?maxResults=1", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);

        // Nobody else may add users.
        String roads = user("it-rights-roads", "roads");
        assertThat(postJson(as(roads), "/engine-rest/user/create", Map.of("profile", Map.of("id", "it-intruder"),
                "credentials", Map.of("password", "a-long-new-password-3"))).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void theAdministratorSeesTheRunningCases() throws Exception {
        String reference = openPothole();
        Map<String, Object> count = getJson(asAdmin(), "/engine-rest/process-instance/count").getBody();
        assertThat(((Number) count.get("count")).longValue()).isPositive();
        assertThat(getList(asAdmin(), "/engine-rest/process-instance?businessKey=" + reference + "&maxResults=10"))
                .extracting(p -> p.get("businessKey")).isNotEmpty().containsOnly(reference);

        // In Cockpit too (its calls go through the webapp's session).
        WebSession browser = new WebSession(http.getRootUri());
        browser.login(admin(), adminPassword());
        assertThat(browser.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(200);
        HttpResponse<String> inCockpit = browser.get("/camunda/api/engine/engine/default/process-instance?businessKey=" + reference
                + "&maxResults=10");
        assertThat(inCockpit.statusCode()).isEqualTo(200);
        assertThat(inCockpit.body()).contains("\"businessKey\":\"" + reference + "\"");
    }

    // ------------------------------------------------------------------ department staff

    @Test
    void departmentStaffCommentOnAndReadTheHistoryOfTheirOwnTasksOnly() {
        String roads = user("it-rights-roads", "roads");
        String waste = user("it-rights-waste", "waste");
        String reference = openPothole();
        Task inspect = onlyDepartmentTask(reference);
        String comments = "/engine-rest/task/" + inspect.getId() + "/comment";
        String history = "/engine-rest/history/task?taskId=" + inspect.getId() + "&maxResults=10";

        ResponseEntity<Map<String, Object>> comment = postJson(as(roads), comments + "/create", Map.of("message", "Crew passes by on Friday."));
        assertThat(comment.getStatusCode()).as("%s", comment.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(getList(as(roads), comments)).extracting(c -> c.get("message")).containsExactly("Crew passes by on Friday.");
        assertThat(getList(as(roads), history)).extracting(t -> t.get("id")).containsExactly(inspect.getId());

        // Another department: the task is not there for them, and their comment is not taken.
        assertThat(postJson(as(waste), comments + "/create", Map.of("message", "Not ours")).getStatusCode().is4xxClientError()).isTrue();
        assertThat(as(waste).getForEntity(comments, String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(getList(as(waste), history)).isEmpty();
        assertThat(getList(as(waste), "/engine-rest/history/task?processInstanceBusinessKey=" + reference + "&maxResults=50")).isEmpty();
        assertThat(taskService.getTaskComments(inspect.getId())).hasSize(1);

        // Once done, the department still reads the task's history; the other still does not.
        postJson(as(roads), "/engine-rest/task/" + inspect.getId() + "/claim", Map.of("userId", roads));
        assertThat(postJson(as(roads), "/engine-rest/task/" + inspect.getId() + "/complete", Map.of("variables", Map.of(
                "roadAuthority", Map.of("value", "city"), "repairNeeded", Map.of("value", true),
                "inspectionNotes", Map.of("value", "30 cm wide")))).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(taskService.createTaskQuery().taskId(inspect.getId()).count()).isZero();
        assertThat(getList(as(roads), history)).extracting(t -> t.get("deleteReason")).containsExactly("completed");
        assertThat(getList(as(waste), history)).isEmpty();
        // No right to every case's history came with it.
        assertThat(getList(as(roads), "/engine-rest/history/process-instance?processInstanceBusinessKey=" + reference
                + "&maxResults=10")).isEmpty();
    }

    // ------------------------------------------------------------------ process owners

    private static final String PROBE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                              id="Definitions_RightsProbe" targetNamespace="http://onestop.org/bpmn">
              <bpmn:process id="RightsProbeProcess" name="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
                <bpmn:startEvent id="Event_ProbeStarted" name="Probe started" />
                <bpmn:sequenceFlow id="Flow_ToWait" sourceRef="Event_ProbeStarted" targetRef="Task_Wait" />
                <bpmn:userTask id="Task_Wait" name="Wait" />
                <bpmn:sequenceFlow id="Flow_ToEnd" sourceRef="Task_Wait" targetRef="Event_ProbeEnded" />
                <bpmn:endEvent id="Event_ProbeEnded" name="Probe ended" />
              </bpmn:process>
            </bpmn:definitions>
            """;

    private ResponseEntity<Map<String, Object>> deploy(TestRestTemplate client, String name) {
        MultiValueMap<String, Object> files = new LinkedMultiValueMap<>();
        files.add("deployment-name", "rights-probe");
        files.add("deploy-changed-only", "true");
        files.add("rights-probe.bpmn", new ByteArrayResource(PROBE.formatted(name).getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "rights-probe.bpmn";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return client.exchange("/engine-rest/deployment/create", HttpMethod.POST, new HttpEntity<>(files, headers), JSON_OBJECT);
    }

    @Test
    void processOwnersDeployAndReadModelsButSeeAndTouchNoCase() throws Exception {
        String owner = user("it-rights-owner", IdentityBootstrap.PROCESS_OWNERS);
        ResponseEntity<Map<String, Object>> deployed = deploy(as(owner), "Rights probe");
        assertThat(deployed.getStatusCode()).as("%s", deployed.getBody()).isEqualTo(HttpStatus.OK);
        String deploymentId = (String) deployed.getBody().get("id");
        try {
            assertThat(getJson(as(owner), "/engine-rest/deployment/" + deploymentId).getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(getList(as(owner), "/engine-rest/process-definition?key=RightsProbeProcess&maxResults=10")).hasSize(1);
            assertThat(getList(as(owner), "/engine-rest/process-definition?latestVersion=true&maxResults=200"))
                    .extracting(d -> d.get("key")).contains("CaseLifecycleProcess", "PotholeRepairProcess");
            assertThat(getList(as(owner), "/engine-rest/decision-definition?latestVersion=true&maxResults=200"))
                    .extracting(d -> d.get("key")).contains("PotholeStandards");

            String reference = openPothole();
            Task inspect = onlyDepartmentTask(reference);
            String instance = inspect.getProcessInstanceId();

            // Cockpit's per-process counts: how many cases run, not which.
            assertThat(getList(as(owner), "/engine-rest/process-definition/statistics"))
                    .filteredOn(s -> ((Map<?, ?>) s.get("definition")).get("key").equals("PotholeRepairProcess"))
                    .extracting(s -> ((Number) s.get("instances")).intValue()).anySatisfy(n -> assertThat(n).isPositive());

            // No task, instance, variable or history of a case.
            assertThat(getList(as(owner), "/engine-rest/task?maxResults=50")).isEmpty();
            assertThat(getList(as(owner), "/engine-rest/process-instance?maxResults=50")).isEmpty();
            assertThat(as(owner).getForEntity("/engine-rest/process-instance/" + instance + "/variables", String.class)
                    .getStatusCode()).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
            assertThat(as(owner).getForEntity("/engine-rest/task/" + inspect.getId() + "/variables", String.class)
                    .getStatusCode()).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
            HttpHeaders json = new HttpHeaders();
            json.setContentType(MediaType.APPLICATION_JSON);
            assertThat(as(owner).exchange("/engine-rest/process-instance/" + instance + "/variables/size", HttpMethod.PUT,
                    new HttpEntity<>(Map.of("value", "large", "type", "String"), json), String.class).getStatusCode())
                    .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
            assertThat(as(owner).exchange("/engine-rest/process-instance/" + instance + "/variables/reference", HttpMethod.DELETE,
                    null, String.class).getStatusCode()).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
            assertThat(postJson(as(owner), "/engine-rest/task/" + inspect.getId() + "/complete", Map.of()).getStatusCode())
                    .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
            assertThat(runtimeService.getVariable(instance, "size")).isEqualTo("small");
            assertThat(runtimeService.getVariable(instance, "reference")).isEqualTo(reference);
            assertThat(taskService.createTaskQuery().taskId(inspect.getId()).count()).isEqualTo(1);
            assertThat(getList(as(owner), "/engine-rest/history/process-instance?processInstanceBusinessKey=" + reference
                    + "&maxResults=10")).isEmpty();
            assertThat(getList(as(owner), "/engine-rest/history/variable-instance?processInstanceId=" + instance
                    + "&maxResults=10")).isEmpty();
            assertThat(getList(as(owner), "/engine-rest/history/task?processInstanceBusinessKey=" + reference
                    + "&maxResults=10")).isEmpty();

            // Cockpit, not Tasklist.
            WebSession browser = new WebSession(http.getRootUri());
            browser.login(owner, PASSWORD);
            assertThat(browser.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(200);
            assertThat(browser.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(403);
            assertThat(browser.get("/camunda/app/admin/default/").statusCode()).isEqualTo(403);
        } finally {
            repositoryService.deleteDeployment(deploymentId, true);
        }
    }

    @Test
    void processOwnersMoveRunningInstancesToANewVersion() {
        String owner = user("it-rights-owner", IdentityBootstrap.PROCESS_OWNERS);
        String first = (String) deploy(as(owner), "Rights probe").getBody().get("id");
        String second = null;
        String batchId = null;
        try {
            ProcessInstance running = runtimeService.startProcessInstanceByKey("RightsProbeProcess");
            second = (String) deploy(as(owner), "Rights probe, version 2").getBody().get("id");
            ProcessDefinition target = repositoryService.createProcessDefinitionQuery().deploymentId(second).singleResult();

            ResponseEntity<Map<String, Object>> plan = postJson(as(owner), "/engine-rest/migration/generate", Map.of(
                    "sourceProcessDefinitionId", running.getProcessDefinitionId(), "targetProcessDefinitionId", target.getId()));
            assertThat(plan.getStatusCode()).as("%s", plan.getBody()).isEqualTo(HttpStatus.OK);
            ResponseEntity<Map<String, Object>> batch = postJson(as(owner), "/engine-rest/migration/executeAsync", Map.of(
                    "migrationPlan", plan.getBody(), "processInstanceIds", List.of(running.getId())));
            assertThat(batch.getStatusCode()).as("%s", batch.getBody()).isEqualTo(HttpStatus.OK);
            batchId = (String) batch.getBody().get("id");
            assertThat(getJson(as(owner), "/engine-rest/batch/" + batchId).getStatusCode()).isEqualTo(HttpStatus.OK);

            // The job executor's part (it is off in tests): the seed job, then the migration jobs.
            Batch created = managementService.createBatchQuery().batchId(batchId).singleResult();
            runJobs(created.getSeedJobDefinitionId());
            runJobs(created.getBatchJobDefinitionId());
            assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(running.getId()).singleResult()
                    .getProcessDefinitionId()).isEqualTo(target.getId());

            // A migration needs no right to read the instances, and gives none.
            assertThat(getList(as(owner), "/engine-rest/process-instance?processDefinitionKey=RightsProbeProcess&maxResults=10")).isEmpty();
        } finally {
            if (batchId != null && managementService.createBatchQuery().batchId(batchId).count() > 0) {
                managementService.deleteBatch(batchId, true);
            }
            if (second != null) {
                repositoryService.deleteDeployment(second, true);
            }
            repositoryService.deleteDeployment(first, true);
        }
    }

    private void runJobs(String jobDefinitionId) {
        for (Job job : managementService.createJobQuery().jobDefinitionId(jobDefinitionId).list()) {
            managementService.executeJob(job.getId());
        }
    }

    // ------------------------------------------------------------------ the table, kept in step on every start

    @Test
    void olderWiderGrantsAreNarrowedOnStartAndSingleResourceGrantsStay() {
        String owners = IdentityBootstrap.PROCESS_OWNERS;
        Authorization definitions = grantOn(owners, Resources.PROCESS_DEFINITION, "*");
        definitions.addPermission(Permissions.ALL);
        authorizationService.saveAuthorization(definitions);
        Authorization instances = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        instances.setGroupId(owners);
        instances.setResource(Resources.PROCESS_INSTANCE);
        instances.setResourceId("*");
        instances.addPermission(Permissions.READ);
        authorizationService.saveAuthorization(instances);
        Authorization tasklist = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        tasklist.setGroupId(owners);
        tasklist.setResource(Resources.APPLICATION);
        tasklist.setResourceId("tasklist");
        tasklist.addPermission(Permissions.ACCESS);
        authorizationService.saveAuthorization(tasklist);
        // An administrator's grant on one process is theirs, not the table's.
        Authorization oneProcess = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        oneProcess.setGroupId(owners);
        oneProcess.setResource(Resources.PROCESS_DEFINITION);
        oneProcess.setResourceId("PotholeRepairProcess");
        oneProcess.addPermission(ProcessDefinitionPermissions.READ_HISTORY);
        authorizationService.saveAuthorization(oneProcess);
        try {
            bootstrap.run(null);

            Authorization narrowed = grantOn(owners, Resources.PROCESS_DEFINITION, "*");
            assertThat(narrowed.isEveryPermissionGranted()).isFalse();
            assertThat(narrowed.isPermissionGranted(ProcessDefinitionPermissions.READ)).isTrue();
            assertThat(narrowed.isPermissionGranted(ProcessDefinitionPermissions.MIGRATE_INSTANCE)).isTrue();
            for (ProcessDefinitionPermissions taken : List.of(ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.UPDATE_TASK,
                    ProcessDefinitionPermissions.TASK_WORK, ProcessDefinitionPermissions.READ_INSTANCE,
                    ProcessDefinitionPermissions.UPDATE_INSTANCE_VARIABLE, ProcessDefinitionPermissions.READ_HISTORY,
                    ProcessDefinitionPermissions.DELETE_INSTANCE, ProcessDefinitionPermissions.CREATE_INSTANCE)) {
                assertThat(narrowed.isPermissionGranted(taken)).as(taken.getName()).isFalse();
            }
            assertThat(authorizationService.createAuthorizationQuery().groupIdIn(owners).resourceType(Resources.PROCESS_INSTANCE)
                    .resourceId("*").count()).isZero();
            assertThat(authorizationService.createAuthorizationQuery().groupIdIn(owners).resourceType(Resources.APPLICATION)
                    .resourceId("tasklist").count()).isZero();
            assertThat(authorizationService.createAuthorizationQuery().resourceId("PotholeRepairProcess").groupIdIn(owners)
                    .count()).isEqualTo(1);
            assertThat(grantOn(owners, Resources.BATCH, "*").isPermissionGranted(BatchPermissions.CREATE_BATCH_MIGRATE_PROCESS_INSTANCES))
                    .isTrue();

            for (Resources resource : Resources.values()) {
                assertThat(grantOn(IdentityBootstrap.ADMINS, resource, "*").isEveryPermissionGranted()).as(resource.resourceName()).isTrue();
            }
        } finally {
            authorizationService.deleteAuthorization(oneProcess.getId());
        }
    }

    @Test
    void backOfficeWorkersHoldTheWorkOrderProcessesOnlyAndAnythingElseIsTakenBack() {
        String integrations = IdentityBootstrap.INTEGRATIONS;
        Authorization lifecycle = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        lifecycle.setGroupId(integrations);
        lifecycle.setResource(Resources.PROCESS_DEFINITION);
        lifecycle.setResourceId("CaseLifecycleProcess");
        lifecycle.addPermission(ProcessDefinitionPermissions.UPDATE_INSTANCE);
        authorizationService.saveAuthorization(lifecycle);

        bootstrap.run(null);

        assertThat(authorizationService.createAuthorizationQuery().groupIdIn(integrations).resourceId("CaseLifecycleProcess").count()).isZero();
        Authorization potholes = grantOn(integrations, Resources.PROCESS_DEFINITION, "PotholeRepairProcess");
        assertThat(potholes.isPermissionGranted(ProcessDefinitionPermissions.READ_INSTANCE)).isTrue();
        assertThat(potholes.isPermissionGranted(ProcessDefinitionPermissions.UPDATE_INSTANCE)).isTrue();
        assertThat(potholes.isPermissionGranted(ProcessDefinitionPermissions.DELETE_INSTANCE)).isFalse();
        assertThat(potholes.isPermissionGranted(ProcessDefinitionPermissions.READ_HISTORY)).isFalse();
        assertThat(authorizationService.createAuthorizationQuery().groupIdIn(integrations).count()).isEqualTo(1);
    }

    private Authorization grantOn(String group, Resources resource, String resourceId) {
        Authorization grant = authorizationService.createAuthorizationQuery().groupIdIn(group).resourceType(resource)
                .resourceId(resourceId).authorizationType(Authorization.AUTH_TYPE_GRANT).singleResult();
        assertThat(grant).as("%s grant of %s on %s", resource.resourceName(), group, resourceId).isNotNull();
        return grant;
    }

    @Test
    void eachWardHasACouncillorsOfficeWithoutEngineRights() {
        assertThat(wards.names()).isNotEmpty();
        for (String ward : wards.names()) {
            Group office = identityService.createGroupQuery().groupId(IdentityBootstrap.wardOfficeGroup(ward)).singleResult();
            assertThat(office).as(ward).isNotNull();
            assertThat(office.getType()).isEqualTo(IdentityBootstrap.WARD_OFFICE);
            assertThat(office.getName()).isEqualTo("Councillor's office, " + ward);
        }
        assertThat(identityService.createGroupQuery().groupId("council-ward-1").singleResult().getName())
                .isEqualTo("Councillor's office, Ward 1 - Harbourfront");
        // Their inquiries' tasks go to departments: no Tasklist, no engine rights.
        for (String group : List.of(IdentityBootstrap.COUNCIL_OFFICE, "council-ward-1", IdentityBootstrap.CONTACT_CENTRE)) {
            assertThat(authorizationService.createAuthorizationQuery().groupIdIn(group).resourceId("*").count()).as(group).isZero();
            assertThat(authorizationService.createAuthorizationQuery().groupIdIn(group).resourceType(Resources.APPLICATION).count())
                    .as(group).isZero();
        }
    }

    @Test
    void theDemoCouncillorsAssistantWorksForWardOne() {
        assumeTrue(demoUsers, "demo users only on the embedded default");
        assertThat(identityService.createGroupQuery().groupMember("council").list()).extracting(Group::getId)
                .contains(IdentityBootstrap.COUNCIL_OFFICE, "council-ward-1");
    }
}
