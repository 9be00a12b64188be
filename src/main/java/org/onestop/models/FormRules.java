package org.onestop.models;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A Camunda Form as form-js and OneStop read it: an {@code id}, {@code components} of known types, every input with a
 * key that is a variable name, unique in the form and not one of the {@link EngineVariables} OneStop sets itself;
 * choices with their options; patterns that compile; sizes that fit together.
 */
final class FormRules {

    /** form-js input components: each writes a variable named by its key. */
    static final Set<String> INPUTS = Set.of("textfield", "textarea", "number", "checkbox", "checklist", "radio", "select",
            "taglist", "datetime", "filepicker");
    /** form-js components that hold other components. */
    static final Set<String> CONTAINERS = Set.of("group", "dynamiclist");
    /** form-js components that show something and write nothing. */
    static final Set<String> DISPLAY = Set.of("text", "html", "image", "spacer", "separator", "button", "iframe", "table",
            "expression", "documentPreview", "default");
    private static final Set<String> CHOICES = Set.of("checklist", "radio", "select", "taglist");
    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private FormRules() {
    }

    static void check(String resource, JsonNode root, List<ModelProblem> problems) {
        if (!root.isObject()) {
            problems.add(new ModelProblem(resource, null, null, null, "a form is a JSON object", "save it again from Camunda Modeler"));
            return;
        }
        if (!root.path("id").isTextual() || root.path("id").asText().isBlank()) {
            problems.add(new ModelProblem(resource, null, "id", null, "the form has no id, so no task or start event can name it",
                    "set the form's ID in Camunda Modeler's properties panel (e.g. inspect-pothole)"));
        }
        if (!root.path("components").isArray()) {
            problems.add(new ModelProblem(resource, null, "components", null, "the form has no components list",
                    "save it again from Camunda Modeler"));
            return;
        }
        components(resource, root.path("components"), new HashSet<>(), problems);
    }

    private static void components(String resource, JsonNode components, Set<String> keys, List<ModelProblem> problems) {
        for (JsonNode c : components) {
            String id = c.path("id").asText(null);
            String type = c.path("type").asText("");
            if (CONTAINERS.contains(type)) {
                components(resource, c.path("components"), keys, problems);
            } else if (INPUTS.contains(type)) {
                input(resource, id, type, c, keys, problems);
            } else if (!DISPLAY.contains(type)) {
                problems.add(new ModelProblem(resource, id, "type", type.isEmpty() ? null : type,
                        "form-js (Camunda 7.24) has no component of this type",
                        "use one of " + String.join(", ", new java.util.TreeSet<>(INPUTS)) + " for a question"));
            }
        }
    }

    private static void input(String resource, String id, String type, JsonNode c, Set<String> keys, List<ModelProblem> problems) {
        String key = c.path("key").asText("");
        if (!KEY.matcher(key).matches()) {
            problems.add(new ModelProblem(resource, id, "key", key.isEmpty() ? null : key,
                    "an input's key must be a variable name (letters, digits and _, not starting with a digit)",
                    "set the field's Key in Camunda Modeler, e.g. locationOnRoad"));
        } else if (!keys.add(key)) {
            problems.add(new ModelProblem(resource, id, "key", key, "two fields of this form have the same key, so one answer overwrites the other",
                    "give each field its own key"));
        } else if (EngineVariables.SET_BY_ONESTOP.contains(key)) {
            problems.add(new ModelProblem(resource, id, "key", key, "OneStop sets this variable itself; a form field may not overwrite it",
                    "rename the key (reserved: " + String.join(", ", new java.util.TreeSet<>(EngineVariables.SET_BY_ONESTOP)) + ")"));
        }
        if (CHOICES.contains(type) && !c.has("valuesKey") && !c.has("valuesExpression")) {
            JsonNode values = c.path("values");
            Set<String> seen = new HashSet<>();
            if (!values.isArray() || values.isEmpty()) {
                problems.add(new ModelProblem(resource, id, "values", key, "a choice field has no options", "add its options (label and value)"));
            }
            for (JsonNode value : values) {
                if (!seen.add(value.path("value").asText())) {
                    problems.add(new ModelProblem(resource, id, "values", value.path("value").asText(),
                            "two options have the same value, so staff cannot tell which was chosen", "give each option its own value"));
                }
            }
        }
        JsonNode validate = c.path("validate");
        if (validate.hasNonNull("pattern")) {
            try {
                Pattern.compile(validate.get("pattern").asText());
            } catch (PatternSyntaxException e) {
                problems.add(new ModelProblem(resource, id, "validate.pattern", validate.get("pattern").asText(),
                        "the pattern is not a valid regular expression (" + e.getDescription() + ")", "correct the pattern, e.g. [0-9]{6}"));
            }
        }
        order(resource, id, validate, "minLength", "maxLength", problems);
        order(resource, id, validate, "min", "max", problems);
    }

    /**
     * The answers each choice question of a form can bring, by key, as intake keeps them: a checkbox true or false (an
     * unticked one is false), a select or radio one of its options, or no answer when it is not required or shown only
     * on a condition. Questions with free answers, several answers or options from a variable are left out.
     */
    static java.util.Map<String, List<Object>> answerValues(JsonNode root) {
        java.util.Map<String, List<Object>> answers = new java.util.LinkedHashMap<>();
        answerValues(root.path("components"), answers);
        return answers;
    }

    private static void answerValues(JsonNode components, java.util.Map<String, List<Object>> answers) {
        for (JsonNode c : components) {
            String type = c.path("type").asText("");
            String key = c.path("key").asText("");
            if (CONTAINERS.contains(type)) {
                answerValues(c.path("components"), answers);
            } else if ("checkbox".equals(type) && !key.isEmpty()) {
                answers.put(key, List.of(true, false));
            } else if (("select".equals(type) || "radio".equals(type)) && !key.isEmpty() && c.path("values").isArray()
                    && !c.path("values").isEmpty()) {
                List<Object> values = new java.util.ArrayList<>();
                c.path("values").forEach(v -> values.add(v.path("value").asText()));
                if (!c.path("validate").path("required").asBoolean(false) || c.has("conditional")) {
                    values.add(null);
                }
                answers.put(key, java.util.Collections.unmodifiableList(values));
            }
        }
    }

    /** Every input's key: the variables the form writes. */
    static Set<String> keys(JsonNode root) {
        Set<String> keys = new java.util.LinkedHashSet<>();
        keys(root.path("components"), keys);
        return keys;
    }

    private static void keys(JsonNode components, Set<String> keys) {
        for (JsonNode c : components) {
            String type = c.path("type").asText("");
            if (CONTAINERS.contains(type)) {
                keys(c.path("components"), keys);
            } else if (INPUTS.contains(type) && !c.path("key").asText("").isEmpty()) {
                keys.add(c.path("key").asText());
            }
        }
    }

    private static void order(String resource, String id, JsonNode validate, String min, String max, List<ModelProblem> problems) {
        if (validate.path(min).isNumber() && validate.path(max).isNumber()
                && validate.get(min).asDouble() > validate.get(max).asDouble()) {
            problems.add(new ModelProblem(resource, id, "validate." + min, validate.get(min).asText(),
                    "the minimum is above the maximum (" + validate.get(max).asText() + "), so no answer can pass",
                    "lower " + min + " or raise " + max));
        }
    }
}
