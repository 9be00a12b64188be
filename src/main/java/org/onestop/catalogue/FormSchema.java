package org.onestop.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The questions of a Camunda Form ({@code .form} JSON): the one definition that Tasklist renders with form-js
 * and that OneStop's API and pages render and validate on the server.
 */
public final class FormSchema {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> INPUT_TYPES = Set.of(
            "textfield", "textarea", "number", "checkbox", "checklist", "radio", "select", "taglist", "datetime");
    private static final Set<String> CONTAINER_TYPES = Set.of("group", "dynamiclist", "iframe");

    private final String id;
    private final List<FormField> fields;

    private FormSchema(String id, List<FormField> fields) {
        this.id = id;
        this.fields = List.copyOf(fields);
    }

    /** A schema built in code (tests, or services defined elsewhere). */
    public static final class Builder {
        private final List<FormField> fields = new ArrayList<>();

        public Builder field(FormField field) {
            fields.add(field);
            return this;
        }

        public FormSchema build() {
            return new FormSchema(null, fields);
        }
    }

    /** The same form with these fields (the same questions in another language). */
    FormSchema withFields(List<FormField> translated) {
        return new FormSchema(id, translated);
    }

    public static FormSchema empty() {
        return new FormSchema(null, List.of());
    }

    public static FormSchema parse(InputStream json) throws IOException {
        JsonNode root = JSON.readTree(json);
        List<FormField> fields = new ArrayList<>();
        collect(root.path("components"), fields);
        return new FormSchema(root.path("id").asText(null), fields);
    }

    private static void collect(JsonNode components, List<FormField> fields) {
        for (JsonNode component : components) {
            String type = component.path("type").asText("");
            if (CONTAINER_TYPES.contains(type)) {
                collect(component.path("components"), fields);
            } else if (INPUT_TYPES.contains(type) && component.hasNonNull("key") && !component.path("disabled").asBoolean(false)
                    && !component.path("readonly").asBoolean(false)) {
                fields.add(field(component, type, fields.size()));
            }
        }
    }

    private static FormField field(JsonNode c, String type, int order) {
        JsonNode validate = c.path("validate");
        List<FormField.Option> options = new ArrayList<>();
        for (JsonNode value : c.path("values")) {
            options.add(new FormField.Option(value.path("value").asText(), value.path("label").asText(value.path("value").asText())));
        }
        String subtype = "datetime".equals(type) ? c.path("subtype").asText("datetime") : null;
        String label = c.hasNonNull("label") ? c.get("label").asText()
                : c.hasNonNull("dateLabel") ? c.get("dateLabel").asText() : c.get("key").asText();
        return new FormField(
                c.get("key").asText(), label, type, subtype,
                validate.path("required").asBoolean(false),
                c.path("conditional").hasNonNull("hide"),
                options,
                intOrNull(validate, "minLength"), intOrNull(validate, "maxLength"),
                doubleOrNull(validate, "min"), doubleOrNull(validate, "max"),
                validate.hasNonNull("pattern") ? validate.get("pattern").asText() : null,
                c.hasNonNull("description") ? c.get("description").asText() : null,
                order);
    }

    private static Integer intOrNull(JsonNode node, String name) {
        return node.hasNonNull(name) && node.get(name).canConvertToInt() ? node.get(name).asInt() : null;
    }

    private static Double doubleOrNull(JsonNode node, String name) {
        return node.hasNonNull(name) && node.get(name).isNumber() ? node.get(name).asDouble() : null;
    }

    public String id() {
        return id;
    }

    public List<FormField> fields() {
        return fields;
    }
}
