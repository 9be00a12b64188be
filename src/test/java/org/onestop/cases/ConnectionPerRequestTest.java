package org.onestop.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.catalogue.ServiceCatalogue;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One database connection per request, never two: with three times as many intakes and case reads in flight as the
 * pool has connections, every one of them succeeds (a request that needed a second connection while holding one would
 * wait for the others, which wait for it, until the pool's timeout).
 */
class ConnectionPerRequestTest extends IntegrationTest {

    private static final Duration BOUND = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    ServiceCatalogue catalogue;
    @Autowired
    ServiceRequests requests;

    private String agent;

    @BeforeEach
    void agent() {
        agent = user("pool-agent", "contact-centre");
    }

    @Test
    void threeTimesThePoolOfIntakesAndReadsAtOnceAllSucceed() throws Exception {
        int pool = dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize();
        int n = 3 * pool;
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> existing = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ResponseEntity<Map<String, Object>> created = postJson(as(agent), "/api/cases", intake(run, "seed-" + i));
            assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
            existing.add((String) created.getBody().get("reference"));
        }

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<HttpResponse<String>>> intakes = new ArrayList<>();
        List<CompletableFuture<HttpResponse<String>>> reads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            HttpRequest post = request("/api/cases").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(intake(run, String.valueOf(i))))).build();
            HttpRequest get = request("/api/cases/" + existing.get(i % existing.size())).GET().build();
            intakes.add(CompletableFuture.supplyAsync(() -> send(client, post, start)));
            reads.add(CompletableFuture.supplyAsync(() -> send(client, get, start)));
        }
        start.countDown();
        CompletableFuture.allOf(intakes.toArray(CompletableFuture[]::new)).get(BOUND.toSeconds() + 10, TimeUnit.SECONDS);
        CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).get(BOUND.toSeconds() + 10, TimeUnit.SECONDS);

        Set<String> references = new HashSet<>();
        for (CompletableFuture<HttpResponse<String>> intake : intakes) {
            HttpResponse<String> response = intake.join();
            assertThat(response.statusCode()).as("intake: %s", response.body()).isEqualTo(201);
            references.add((String) JSON.readValue(response.body(), new TypeReference<Map<String, Object>>() { }).get("reference"));
        }
        for (CompletableFuture<HttpResponse<String>> read : reads) {
            assertThat(read.join().statusCode()).as("read: %s", read.join().body()).isEqualTo(200);
        }
        assertThat(references).hasSize(n);
        for (String reference : references) {
            assertThat(requests.findByReference(reference)).as(reference).isPresent();
            assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                    .processDefinitionKey("CaseLifecycleProcess").count()).as(reference).isEqualTo(1);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM service_request WHERE description LIKE ?", Long.class,
                "Pool test " + run + " %")).isEqualTo(n + existing.size());
    }

    /** The engine joins the caller's Spring transaction, on its connection: it sees and rolls back with it. */
    @Test
    void theEngineWorksInTheCallersTransactionOnItsConnection() {
        String id = "pool-tx-" + UUID.randomUUID().toString().substring(0, 8);
        transactions.executeWithoutResult(status -> {
            User user = identityService.newUser(id);
            user.setPassword(PASSWORD);
            identityService.saveUser(user);
            // Not committed yet: only the same connection can see the row.
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_ID_USER WHERE ID_ = ?", Long.class, id)).isEqualTo(1);
            status.setRollbackOnly();
        });
        assertThat(identityService.createUserQuery().userId(id).count()).isZero();
    }

    /**
     * A service whose start form cannot be read asks no questions, and opening one of its cases succeeds: reading the
     * form failed on the catalogue's own thread, not inside the intake's transaction (which it would mark rollback-only).
     */
    @Test
    void aServiceWhoseFormCannotBeReadTakesCasesWithoutQuestions() {
        // The deploy refuses a model naming a form that does not exist: the form goes away after, as when the
        // deployment that held it is deleted.
        String form = repositoryService.createDeployment().name("it-missing-form-form")
                .addString("it-no-such-form.form", "{\"id\": \"it-no-such-form\", \"components\": []}").deploy().getId();
        String deployment = repositoryService.createDeployment().name("it-missing-form")
                .addString("it-missing-form.bpmn", MISSING_FORM_BPMN).addString("it-missing-form.dmn", ROUTING_DMN).deploy().getId();
        repositoryService.deleteDeployment(form, true);
        try {
            Map<String, Object> service = getJson(as(agent), "/api/services/it-missing-form").getBody();
            assertThat(service).containsEntry("code", "it-missing-form");
            assertThat((List<?>) service.get("questions")).isEmpty();
            // Read inside a transaction too: no rollback-only mark reaches the caller.
            transactions.executeWithoutResult(status -> assertThat(catalogue.find("it-missing-form")).isPresent());

            Map<String, Object> request = new HashMap<>(CaseIntakeToClosureTest.baseRequest("it-missing-form", Map.of()));
            ResponseEntity<Map<String, Object>> created = postJson(as(agent), "/api/cases", request);
            assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
            assertThat(requests.findByReference((String) created.getBody().get("reference"))).isPresent();
        } finally {
            repositoryService.deleteDeployment(deployment, true);
        }
        assertThat(getJson(as(agent), "/api/services/it-missing-form").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private static Map<String, Object> intake(String run, String i) {
        Map<String, Object> request = new HashMap<>(CaseIntakeToClosureTest.baseRequest("pothole",
                Map.of("hazard", false, "size", "small", "locationOnRoad", "shoulder")));
        request.put("description", "Pool test " + run + " " + i);
        request.put("customer", Map.of("name", "Pool Caller " + i, "email", "pool-" + run + "-" + i + "@example.com"));
        return request;
    }

    private HttpRequest.Builder request(String path) {
        String basic = Base64.getEncoder().encodeToString((agent + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(BOUND)
                .header("Authorization", "Basic " + basic).header("Accept", "application/json");
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request, CountDownLatch start) {
        try {
            start.await();
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(request.method() + " " + request.uri() + " did not answer within " + BOUND + ": " + e, e);
        }
    }

    private static final String MISSING_FORM_BPMN = """
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                         targetNamespace="http://onestop.org/test">
              <process id="MissingFormTestProcess" name="Missing form (test)" isExecutable="true" camunda:historyTimeToLive="P1D">
                <extensionElements><camunda:properties>
                  <camunda:property name="serviceCode" value="it-missing-form"/>
                  <camunda:property name="routingDecision" value="ItMissingFormRouting"/>
                  <camunda:property name="standardsDecision" value="GeneralInquiryStandards"/>
                  <camunda:property name="location" value="optional"/>
                </camunda:properties></extensionElements>
                <startEvent id="Start" camunda:formRef="it-no-such-form" camunda:formRefBinding="latest"/>
                <sequenceFlow id="F1" sourceRef="Start" targetRef="Work"/>
                <userTask id="Work" camunda:candidateGroups="roads"/>
                <sequenceFlow id="F2" sourceRef="Work" targetRef="End"/>
                <endEvent id="End"/>
              </process>
            </definitions>
            """;

    private static final String ROUTING_DMN = """
            <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
                         id="Definitions_ItMissingFormRouting" name="Missing form routing (test)" namespace="http://onestop.org/test">
              <decision id="ItMissingFormRouting" name="Missing form routing (test)" camunda:historyTimeToLive="P1D">
                <decisionTable id="DecisionTable_ItMissingFormRouting" hitPolicy="FIRST">
                  <input id="Input_Service" label="Service">
                    <inputExpression id="InputExpression_Service" typeRef="string"><text>serviceCode</text></inputExpression>
                  </input>
                  <output id="Output_DepartmentGroup" name="departmentGroup" typeRef="string"/>
                  <output id="Output_Priority" name="priority" typeRef="string"/>
                  <rule id="Rule_Any">
                    <inputEntry id="Rule_Any_Service"><text></text></inputEntry>
                    <outputEntry id="Rule_Any_DepartmentGroup"><text>"roads"</text></outputEntry>
                    <outputEntry id="Rule_Any_Priority"><text>"low"</text></outputEntry>
                  </rule>
                </decisionTable>
              </decision>
            </definitions>
            """;
}
