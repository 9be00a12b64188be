package org.onestop.testing;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.task.Task;

/**
 * A Camunda Form (form-js JSON) as the engine hands it out for a task or a start event,
 * so process tests can check that the {@code camunda:formRef} resolves and asks for what the process needs next.
 */
public final class CamundaForm {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode schema;

    private CamundaForm(JsonNode schema) {
        this.schema = schema;
    }

    /** The form the engine resolves for the task ({@code camunda:formRef}, binding latest). */
    public static CamundaForm deployedFor(FormService formService, Task task) {
        return read(formService.getDeployedTaskForm(task.getId()));
    }

    /** The start form the engine resolves for the process definition. */
    public static CamundaForm deployedStartFormOf(FormService formService, String processDefinitionId) {
        return read(formService.getDeployedStartForm(processDefinitionId));
    }

    public static CamundaForm read(InputStream in) {
        try (in) {
            return new CamundaForm(JSON.readTree(in));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read form", e);
        }
    }

    public String id() {
        return schema.path("id").asText();
    }

    /** Keys of all fields, in form order. */
    public Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>();
        for (JsonNode component : schema.path("components")) {
            if (component.hasNonNull("key")) {
                keys.add(component.get("key").asText());
            }
        }
        return keys;
    }

    /** Keys of the fields that must be filled in whenever they are shown. */
    public Set<String> requiredKeys() {
        Set<String> keys = new LinkedHashSet<>();
        for (JsonNode component : schema.path("components")) {
            if (component.path("validate").path("required").asBoolean(false)) {
                keys.add(component.get("key").asText());
            }
        }
        return keys;
    }

    /** Keys of the fields that are always shown (no conditional {@code hide}). */
    public Set<String> alwaysShownKeys() {
        Set<String> keys = new LinkedHashSet<>();
        for (JsonNode component : schema.path("components")) {
            if (component.hasNonNull("key") && component.path("conditional").path("hide").isMissingNode()) {
                keys.add(component.get("key").asText());
            }
        }
        return keys;
    }

    /** The FEEL {@code hide} condition of a field, if it has one. */
    public Optional<String> hideCondition(String key) {
        for (JsonNode component : schema.path("components")) {
            if (key.equals(component.path("key").asText(null))) {
                JsonNode hide = component.path("conditional").path("hide");
                return hide.isMissingNode() ? Optional.empty() : Optional.of(hide.asText());
            }
        }
        throw new IllegalArgumentException("form " + id() + " has no field " + key);
    }

    @Override
    public String toString() {
        return "form " + id() + " " + keys();
    }
}
