package org.onestop.catalogue;

import java.util.List;

/**
 * One question of a service, read from a Camunda Form component.
 *
 * @param type the form-js component type: textfield, textarea, number, checkbox, checklist, radio, select, taglist, datetime
 * @param subtype for datetime: date, time or datetime
 * @param conditional true when the form shows the field only under a condition (it is then never required here)
 */
public record FormField(String key, String label, String type, String subtype, boolean required, boolean conditional,
                        List<Option> values, Integer minLength, Integer maxLength, Double min, Double max,
                        String pattern, String description, int order) {

    public record Option(String value, String label) {
    }

    public boolean multiValue() {
        return "checklist".equals(type) || "taglist".equals(type);
    }

    public boolean hasOptions() {
        return values != null && !values.isEmpty();
    }
}
