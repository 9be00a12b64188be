package org.onestop.open311;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.onestop.catalogue.AnswerValidator;
import org.onestop.catalogue.FormField;
import org.onestop.catalogue.ServiceCatalogue;
import org.onestop.catalogue.ServiceDefinition;
import org.springframework.stereotype.Component;

/**
 * GET services: the city's public services as GeoReport v2 service lists and definitions, their attributes read from
 * the same Camunda Forms the residents' pages and intake validation use.
 */
@Component
class Open311Catalogue {

    private final ServiceCatalogue catalogue;

    Open311Catalogue(ServiceCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    List<ServiceDefinition> services() {
        return catalogue.services().stream().filter(ServiceDefinition::publicService).toList();
    }

    ServiceDefinition service(String code) {
        return services().stream().filter(s -> s.code().equals(code)).findFirst()
                .orElseThrow(() -> Open311Exception.notFound("service_code '" + Format.clip(code) + "' not found"));
    }

    Map<String, Object> summary(ServiceDefinition service) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("service_code", service.code());
        doc.put("service_name", service.name());
        doc.put("description", service.description());
        doc.put("metadata", !service.questions().fields().isEmpty());
        doc.put("type", "realtime");
        doc.put("keywords", String.join(",", service.keywords()));
        doc.put("group", service.group());
        return doc;
    }

    Map<String, Object> definition(ServiceDefinition service) {
        List<Map<String, Object>> attributes = new ArrayList<>();
        for (FormField field : service.questions().fields()) {
            Map<String, Object> attribute = new LinkedHashMap<>();
            attribute.put("variable", true);
            attribute.put("code", field.key());
            attribute.put("datatype", datatype(field));
            attribute.put("required", field.required() && !field.conditional());
            attribute.put("datatype_description", datatypeDescription(field));
            attribute.put("order", field.order() + 1);
            attribute.put("description", field.description() == null ? field.label() : field.label() + " " + field.description());
            List<Map<String, Object>> values = new ArrayList<>();
            if ("checkbox".equals(field.type())) {
                values.add(value("true", "Yes"));
                values.add(value("false", "No"));
            } else if (field.hasOptions()) {
                field.values().forEach(o -> values.add(value(o.value(), o.label())));
            }
            if (!values.isEmpty()) {
                attribute.put("values", values);
            }
            attributes.add(attribute);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("service_code", service.code());
        doc.put("attributes", attributes);
        return doc;
    }

    private static Map<String, Object> value(String key, String name) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("key", key);
        value.put("name", name);
        return value;
    }

    static String datatype(FormField field) {
        return switch (field.type()) {
            case "number" -> "number";
            case "textarea" -> "text";
            case "select", "radio", "checkbox" -> "singlevaluelist";
            case "checklist", "taglist" -> "multivaluelist";
            case "datetime" -> "datetime".equals(field.subtype()) || field.subtype() == null ? "datetime" : "string";
            default -> "string";
        };
    }

    private static String datatypeDescription(FormField field) {
        List<String> rules = new ArrayList<>();
        switch (field.type()) {
            case "number" -> {
                if (field.min() != null) {
                    rules.add("at least " + number(field.min()));
                }
                if (field.max() != null) {
                    rules.add("at most " + number(field.max()));
                }
                return rules.isEmpty() ? "A number" : "A number, " + String.join(" and ", rules);
            }
            case "checkbox" -> {
                return "true or false";
            }
            case "select", "radio" -> {
                return "One of the keys listed";
            }
            case "checklist", "taglist" -> {
                return "One or more of the keys listed, sent as repeated attribute[" + field.key() + "][] parameters";
            }
            case "datetime" -> {
                return switch (field.subtype() == null ? "datetime" : field.subtype()) {
                    case "date" -> "A date, YYYY-MM-DD";
                    case "time" -> "A time of day, HH:MM";
                    default -> "A date and time with its UTC offset, e.g. 2026-05-31T14:30:00-04:00";
                };
            }
            default -> {
                if (field.minLength() != null) {
                    rules.add("at least " + field.minLength() + " characters");
                }
                int max = field.maxLength() == null ? AnswerValidator.MAX_TEXT
                        : Math.min(field.maxLength(), AnswerValidator.MAX_TEXT);
                rules.add("at most " + max + " characters");
                return "Text, " + String.join(" and ", rules);
            }
        }
    }

    private static String number(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
