package org.onestop.catalogue;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks answers against a service's questions the way form-js would, on the server: types, required fields,
 * allowed values, lengths and ranges. Returns the answers in their proper types (booleans, numbers, strings, lists).
 */
public final class AnswerValidator {

    /** A free-text answer is never longer than this, whatever the form says. */
    public static final int MAX_TEXT = 2000;

    private AnswerValidator() {
    }

    public record Result(Map<String, Object> answers, Map<String, String> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    public static Result validate(FormSchema schema, Map<String, ?> raw) {
        Map<String, Object> clean = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, ?> answers = raw == null ? Map.of() : raw;
        for (String key : answers.keySet()) {
            if (schema.fields().stream().noneMatch(f -> f.key().equals(key))) {
                errors.put(key, "is not a question of this service");
            }
        }
        for (FormField field : schema.fields()) {
            Object value = answers.get(field.key());
            if (isEmpty(value)) {
                if (field.required() && !field.conditional()) {
                    errors.put(field.key(), "is required");
                }
                if ("checkbox".equals(field.type())) {
                    clean.put(field.key(), Boolean.FALSE);
                }
                continue;
            }
            try {
                clean.put(field.key(), convert(field, value));
            } catch (IllegalArgumentException e) {
                errors.put(field.key(), e.getMessage());
            }
        }
        return new Result(clean, errors);
    }

    private static boolean isEmpty(Object value) {
        return value == null || (value instanceof String s && s.isBlank())
                || (value instanceof Collection<?> c && c.isEmpty());
    }

    private static Object convert(FormField field, Object value) {
        return switch (field.type()) {
            case "checkbox" -> toBoolean(value);
            case "number" -> toNumber(field, value);
            case "select", "radio" -> option(field, scalar(value));
            case "checklist", "taglist" -> list(field, value);
            case "datetime" -> dateTime(field, scalar(value));
            default -> text(field, scalar(value));
        };
    }

    private static String scalar(Object value) {
        if (value instanceof Map<?, ?> || value instanceof Collection<?>) {
            throw new IllegalArgumentException("must be a single value");
        }
        return String.valueOf(value).trim();
    }

    private static Boolean toBoolean(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        String s = scalar(value).toLowerCase();
        if (s.equals("true") || s.equals("yes")) {
            return Boolean.TRUE;
        }
        if (s.equals("false") || s.equals("no")) {
            return Boolean.FALSE;
        }
        throw new IllegalArgumentException("must be true or false");
    }

    private static Number toNumber(FormField field, Object value) {
        double number;
        if (value instanceof Number n) {
            number = n.doubleValue();
        } else {
            try {
                number = Double.parseDouble(scalar(value));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("must be a number");
            }
        }
        if (Double.isNaN(number) || Double.isInfinite(number)) {
            throw new IllegalArgumentException("must be a number");
        }
        if (field.min() != null && number < field.min()) {
            throw new IllegalArgumentException("must be at least " + format(field.min()));
        }
        if (field.max() != null && number > field.max()) {
            throw new IllegalArgumentException("must be at most " + format(field.max()));
        }
        return number == Math.rint(number) && Math.abs(number) < Long.MAX_VALUE ? (Number) (long) number : (Number) number;
    }

    private static String format(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    private static String option(FormField field, String value) {
        if (field.hasOptions() && field.values().stream().noneMatch(o -> o.value().equals(value))) {
            throw new IllegalArgumentException("must be one of " + String.join(", ", field.values().stream().map(FormField.Option::value).toList()));
        }
        return text(field, value);
    }

    private static List<String> list(FormField field, Object value) {
        List<String> values = new ArrayList<>();
        if (value instanceof Collection<?> items) {
            for (Object item : items) {
                values.add(option(field, scalar(item)));
            }
        } else {
            for (String item : scalar(value).split(",")) {
                if (!item.isBlank()) {
                    values.add(option(field, item.trim()));
                }
            }
        }
        return values;
    }

    private static String dateTime(FormField field, String value) {
        try {
            switch (field.subtype() == null ? "datetime" : field.subtype()) {
                case "date" -> LocalDate.parse(value);
                case "time" -> LocalTime.parse(value);
                default -> OffsetDateTime.parse(value);
            }
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(switch (field.subtype() == null ? "datetime" : field.subtype()) {
                case "date" -> "must be a date like 2026-05-31";
                case "time" -> "must be a time like 14:30";
                default -> "must be a date and time like 2026-05-31T14:30:00-04:00";
            });
        }
        return value;
    }

    private static String text(FormField field, String value) {
        int max = field.maxLength() == null ? MAX_TEXT : Math.min(field.maxLength(), MAX_TEXT);
        if (value.length() > max) {
            throw new IllegalArgumentException("must be at most " + max + " characters");
        }
        if (field.minLength() != null && value.length() < field.minLength()) {
            throw new IllegalArgumentException("must be at least " + field.minLength() + " characters");
        }
        if (field.pattern() != null) {
            try {
                if (!Pattern.compile(field.pattern()).matcher(value).matches()) {
                    throw new IllegalArgumentException("is not in the expected format");
                }
            } catch (PatternSyntaxException ignored) {
                // A pattern that Java cannot read is the form's problem, not the resident's.
            }
        }
        return value;
    }
}
