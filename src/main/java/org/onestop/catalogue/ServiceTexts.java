package org.onestop.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * A service's texts in another language, from the file its process owner keeps beside the model:
 * {@code bpmn/<serviceCode>.fr.properties} (UTF-8), deployed with the models. Keys:
 * <pre>
 * name=Nid-de-poule ou défaut de la chaussée
 * description=Signalez un nid-de-poule…
 * keywords=nid-de-poule,trou,chaussée
 * group=Routes
 * question.size.label=Quelle est sa taille?
 * question.size.description=…
 * question.size.option.small=Plus petit qu’une assiette
 * task.Task_ContactComplainant.name=Communiquer avec le plaignant pour obtenir plus de renseignements
 * </pre>
 * The {@code task.<id>.name} keys are for the tasks whose names residents read (the case waits for them; see
 * {@link ServiceCatalogue#residentTasks}).
 * A text the file does not have stays in English (and {@code FrenchTextsTest} fails for it).
 */
public record ServiceTexts(Map<String, String> texts) {

    public static final String SUFFIX = ".fr.properties";

    public ServiceTexts {
        texts = Map.copyOf(texts);
    }

    public static ServiceTexts none() {
        return new ServiceTexts(Map.of());
    }

    static ServiceTexts read(InputStream in) throws IOException {
        Properties properties = new Properties();
        properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        Map<String, String> texts = new TreeMap<>();
        properties.stringPropertyNames().forEach(k -> {
            String value = properties.getProperty(k).strip();
            if (!value.isEmpty()) {
                texts.put(k.strip(), value);
            }
        });
        return new ServiceTexts(texts);
    }

    public boolean isEmpty() {
        return texts.isEmpty();
    }

    public String get(String key) {
        return texts.get(key);
    }

    /** The key of a task's name: {@code task.<id>.name}. */
    public static String taskKey(String taskId) {
        return "task." + taskId + ".name";
    }

    /** The keys a complete translation of this service has: its name, description, keywords, group and every question's texts. */
    public static List<String> keysFor(ServiceDefinition service) {
        List<String> keys = new ArrayList<>(List.of("name", "description", "keywords"));
        if (service.group() != null) {
            keys.add("group");
        }
        for (FormField f : service.questions().fields()) {
            keys.add("question." + f.key() + ".label");
            if (f.description() != null) {
                keys.add("question." + f.key() + ".description");
            }
            if (f.values() != null) {
                f.values().forEach(o -> keys.add("question." + f.key() + ".option." + o.value()));
            }
        }
        return keys;
    }

    /** The service with these texts in place of the model's; what is missing stays as the model has it. */
    ServiceDefinition applyTo(ServiceDefinition s) {
        if (texts.isEmpty()) {
            return s;
        }
        List<String> keywords = texts.containsKey("keywords")
                ? Arrays.stream(texts.get("keywords").split(",")).map(String::trim).filter(k -> !k.isEmpty()).toList()
                : s.keywords();
        List<FormField> questions = new ArrayList<>();
        for (FormField f : s.questions().fields()) {
            String prefix = "question." + f.key() + ".";
            List<FormField.Option> options = f.values() == null ? null : f.values().stream()
                    .map(o -> new FormField.Option(o.value(), texts.getOrDefault(prefix + "option." + o.value(), o.label())))
                    .toList();
            questions.add(new FormField(f.key(), texts.getOrDefault(prefix + "label", f.label()), f.type(), f.subtype(),
                    f.required(), f.conditional(), options, f.minLength(), f.maxLength(), f.min(), f.max(), f.pattern(),
                    f.description() == null ? null : texts.getOrDefault(prefix + "description", f.description()), f.order()));
        }
        return new ServiceDefinition(s.code(), texts.getOrDefault("name", s.name()),
                texts.getOrDefault("description", s.description()), keywords,
                s.group() == null ? null : texts.getOrDefault("group", s.group()), s.publicService(),
                s.privateCases(), s.processKey(), s.processDefinitionId(), s.routingDecision(), s.standardsDecision(), s.locationRequired(),
                s.copyWardCouncillor(), s.questions().withFields(questions), s.french());
    }
}
