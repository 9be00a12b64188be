package org.onestop.catalogue;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.util.MultiValueMap;

/**
 * A service's questions as an HTML form on our own pages (the console and the residents' report page): the same
 * Camunda Form the API validates against, rendered on the server by {@code templates/fragments/questions.html}, so the
 * pages work without JavaScript. Each answer is a request parameter {@code q.<key>}; a multi-value answer repeats it.
 */
public final class QuestionForm {

    public static final String PREFIX = "q.";

    /** One question ready to render: its field, what the person typed (kept after an error) and the error, if any. */
    public record Input(FormField field, String id, String name, String value, List<String> selected, String error) {

        public boolean checked() {
            return "true".equalsIgnoreCase(value) || "on".equalsIgnoreCase(value) || "yes".equalsIgnoreCase(value);
        }

        public boolean isSelected(String option) {
            return selected.contains(option);
        }

        /** The longest answer the field takes: its own limit, else the validator's limit for any text. */
        public int maxLength() {
            return field.maxLength() != null ? field.maxLength() : AnswerValidator.MAX_TEXT;
        }

        /** The HTML input type of a datetime field: date, time or datetime-local. */
        public String dateInputType() {
            String subtype = field.subtype() == null ? "datetime" : field.subtype();
            return switch (subtype) {
                case "date" -> "date";
                case "time" -> "time";
                default -> "datetime-local";
            };
        }
    }

    private QuestionForm() {
    }

    /**
     * The raw answers in the request, ready for {@link AnswerValidator}: lists for multi-value questions, {@code true}
     * or {@code false} for a checkbox, and a date and time from the browser given the city's offset.
     */
    public static Map<String, Object> answersFrom(FormSchema schema, MultiValueMap<String, String> params, ZoneId zone) {
        Map<String, Object> answers = new LinkedHashMap<>();
        for (FormField field : schema.fields()) {
            List<String> values = nonBlank(params.get(PREFIX + field.key()));
            if ("checkbox".equals(field.type())) {
                answers.put(field.key(), !values.isEmpty() && !"false".equalsIgnoreCase(values.get(0)));
            } else if (field.multiValue()) {
                if (!values.isEmpty()) {
                    answers.put(field.key(), values);
                }
            } else if (!values.isEmpty()) {
                String value = values.get(0);
                answers.put(field.key(), "datetime".equals(field.type()) ? withOffset(field, value, zone) : value);
            }
        }
        return answers;
    }

    /** The questions to render, with what was typed and the errors keyed by question (not by {@code answers.} path). */
    public static List<Input> inputs(FormSchema schema, MultiValueMap<String, String> params, Map<String, String> errors) {
        List<Input> inputs = new ArrayList<>();
        for (FormField field : schema.fields()) {
            List<String> values = params == null ? List.of() : nonBlank(params.get(PREFIX + field.key()));
            inputs.add(new Input(field, "q-" + field.key(), PREFIX + field.key(), values.isEmpty() ? "" : values.get(0),
                    values, errors == null ? null : errors.get(field.key())));
        }
        return inputs;
    }

    /** The errors of {@link AnswerValidator} or of an {@code InvalidRequestException} keyed by question. */
    public static Map<String, String> questionErrors(Map<String, String> errors) {
        Map<String, String> byQuestion = new LinkedHashMap<>();
        errors.forEach((path, message) -> {
            if (path.startsWith("answers.")) {
                byQuestion.put(path.substring("answers.".length()), message);
            }
        });
        return byQuestion;
    }

    private static List<String> nonBlank(List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).map(String::trim).toList();
    }

    private static String withOffset(FormField field, String value, ZoneId zone) {
        if (field.subtype() != null && !"datetime".equals(field.subtype())) {
            return value;
        }
        try {
            return LocalDateTime.parse(value).atZone(zone).toOffsetDateTime().toString();
        } catch (DateTimeParseException e) {
            return value;
        }
    }
}
