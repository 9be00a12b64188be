package org.onestop.open311;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.onestop.catalogue.AnswerValidator;
import org.onestop.catalogue.FormField;
import org.onestop.catalogue.ServiceCatalogue;
import org.onestop.catalogue.ServiceDefinition;
import org.onestop.web.PageTexts;
import org.springframework.stereotype.Component;

/**
 * GET services: the city's public services as GeoReport v2 service lists and definitions, their attributes read from
 * the same Camunda Forms the residents' pages and intake validation use; in English, or in French (the service's
 * {@code bpmn/<code>.fr.properties}, and the {@code open311.*} messages) when the client asks for it.
 */
@Component
class Open311Catalogue {

    private final ServiceCatalogue catalogue;
    private final PageTexts texts;

    Open311Catalogue(ServiceCatalogue catalogue, PageTexts texts) {
        this.catalogue = catalogue;
        this.texts = texts;
    }

    List<ServiceDefinition> services() {
        return catalogue.services().stream().filter(ServiceDefinition::publicService).toList();
    }

    ServiceDefinition service(String code) {
        return services().stream().filter(s -> s.code().equals(code)).findFirst()
                .orElseThrow(() -> Open311Exception.notFound("service_code '" + Format.clip(code) + "' not found"));
    }

    Map<String, Object> summary(ServiceDefinition english, Locale locale) {
        ServiceDefinition service = english.in(locale);
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

    Map<String, Object> definition(ServiceDefinition english, Locale locale) {
        ServiceDefinition service = english.in(locale);
        List<Map<String, Object>> attributes = new ArrayList<>();
        for (FormField field : service.questions().fields()) {
            Map<String, Object> attribute = new LinkedHashMap<>();
            attribute.put("variable", true);
            attribute.put("code", field.key());
            attribute.put("datatype", datatype(field));
            attribute.put("required", field.required() && !field.conditional());
            attribute.put("datatype_description", datatypeDescription(field, locale));
            attribute.put("order", field.order() + 1);
            attribute.put("description", field.description() == null ? field.label() : field.label() + " " + field.description());
            List<Map<String, Object>> values = new ArrayList<>();
            if ("checkbox".equals(field.type())) {
                values.add(value("true", texts.in(locale, "open311.yes")));
                values.add(value("false", texts.in(locale, "open311.no")));
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

    private String datatypeDescription(FormField field, Locale locale) {
        List<String> rules = new ArrayList<>();
        switch (field.type()) {
            case "number" -> {
                if (field.min() != null) {
                    rules.add(texts.in(locale, "open311.type.atLeast", number(field.min())));
                }
                if (field.max() != null) {
                    rules.add(texts.in(locale, "open311.type.atMost", number(field.max())));
                }
                return rules.isEmpty() ? texts.in(locale, "open311.type.number")
                        : texts.in(locale, "open311.type.numberWith", String.join(texts.in(locale, "open311.type.and"), rules));
            }
            case "checkbox" -> {
                return texts.in(locale, "open311.type.checkbox");
            }
            case "select", "radio" -> {
                return texts.in(locale, "open311.type.single");
            }
            case "checklist", "taglist" -> {
                return texts.in(locale, "open311.type.multi", field.key());
            }
            case "datetime" -> {
                return switch (field.subtype() == null ? "datetime" : field.subtype()) {
                    case "date" -> texts.in(locale, "open311.type.date");
                    case "time" -> texts.in(locale, "open311.type.time");
                    default -> texts.in(locale, "open311.type.dateTime");
                };
            }
            default -> {
                if (field.minLength() != null) {
                    rules.add(texts.in(locale, "open311.type.minChars", String.valueOf(field.minLength())));
                }
                int max = field.maxLength() == null ? AnswerValidator.MAX_TEXT
                        : Math.min(field.maxLength(), AnswerValidator.MAX_TEXT);
                rules.add(texts.in(locale, "open311.type.maxChars", String.valueOf(max)));
                return texts.in(locale, "open311.type.text", String.join(texts.in(locale, "open311.type.and"), rules));
            }
        }
    }

    private static String number(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
