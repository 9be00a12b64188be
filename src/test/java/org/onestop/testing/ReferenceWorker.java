package org.onestop.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The reference worker of a back-office system (README "For integrators: work orders and webhooks"): what Camunda's
 * external task clients do, on the documented REST API with nothing but the JDK, so that an integrator can read every
 * call. It logs in with HTTP Basic as a member of the {@code integrations} group; fetches and locks tasks of a topic
 * ({@code POST /engine-rest/external-task/fetchAndLock}) with the variables it names; completes one with variables
 * ({@code /external-task/{id}/complete}); or reports a failure with the retries left ({@code /external-task/{id}/failure}),
 * which at 0 leaves an incident.
 * <p>
 * Camunda's Java client ({@code camunda-external-task-client}) does the same calls; it is not used here because it
 * brings Apache HttpClient 5 onto the test class path, which would change the HTTP client of every other test's
 * {@code TestRestTemplate}.
 */
public final class ReferenceWorker {

    /** A locked task: its id and the variables fetched (name to value). */
    public record Locked(String id, String topic, String processDefinitionKey, String businessKey, Map<String, Object> variables) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String engineRest;
    private final String authorization;
    private final String workerId;

    public ReferenceWorker(String baseUri, String user, String password, String workerId) {
        this.engineRest = baseUri + "/engine-rest";
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.workerId = workerId;
    }

    /** Fetches and locks up to {@code maxTasks} tasks of the topic for a minute, with the named variables. */
    @SuppressWarnings("unchecked")
    public List<Locked> fetchAndLock(String topic, int maxTasks, List<String> variables) {
        Map<String, Object> topicRequest = new LinkedHashMap<>();
        topicRequest.put("topicName", topic);
        topicRequest.put("lockDuration", 60_000);
        topicRequest.put("variables", variables);
        Map<String, Object> body = Map.of("workerId", workerId, "maxTasks", maxTasks, "usePriority", true, "topics", List.of(topicRequest));
        HttpResponse<String> response = post("/external-task/fetchAndLock", body);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("fetchAndLock answered " + response.statusCode() + ": " + response.body());
        }
        try {
            List<Map<String, Object>> tasks = JSON.readValue(response.body(), new TypeReference<>() { });
            return tasks.stream().map(t -> {
                Map<String, Object> values = new LinkedHashMap<>();
                ((Map<String, Map<String, Object>>) t.get("variables")).forEach((name, typed) -> values.put(name, typed.get("value")));
                return new Locked((String) t.get("id"), (String) t.get("topicName"), (String) t.get("processDefinitionKey"),
                        (String) t.get("businessKey"), values);
            }).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Completes a locked task with variables (strings here); returns the HTTP status (204 when done). */
    public int complete(String taskId, Map<String, String> variables) {
        Map<String, Object> typed = new LinkedHashMap<>();
        variables.forEach((name, value) -> typed.put(name, Map.of("value", value, "type", "String")));
        return post("/external-task/" + taskId + "/complete", Map.of("workerId", workerId, "variables", typed)).statusCode();
    }

    /** Reports that the work failed, with the retries left and the wait before the next; returns the HTTP status. */
    public int failure(String taskId, String message, int retries, long retryTimeoutMillis) {
        return post("/external-task/" + taskId + "/failure", Map.of("workerId", workerId, "errorMessage", message,
                "errorDetails", message, "retries", retries, "retryTimeout", retryTimeoutMillis)).statusCode();
    }

    private HttpResponse<String> post(String path, Object body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(engineRest + path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", authorization).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
