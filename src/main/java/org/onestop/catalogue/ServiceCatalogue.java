package org.onestop.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The city's services, read from the deployed models: every latest process definition that declares a
 * {@code serviceCode} property is a service; its questions are its start form. Adding a service is deploying files.
 * <p>
 * Definitions are cached by process definition id, which never changes its content, so several nodes agree.
 */
@Service
public class ServiceCatalogue {

    static final String SERVICE_CODE = "serviceCode";
    static final String PRIVACY = "privacy";
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ServiceCatalogue.class);

    private final RepositoryService repositoryService;
    private final FormService formService;
    private final Map<String, Optional<ServiceDefinition>> byDefinitionId = new ConcurrentHashMap<>();

    ServiceCatalogue(RepositoryService repositoryService, FormService formService) {
        this.repositoryService = repositoryService;
        this.formService = formService;
    }

    /**
     * Every service, public and staff-only, by group and name. Read outside the caller's transaction: a service whose
     * form cannot be read is simply asked no questions, and must not roll back the case being opened.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public List<ServiceDefinition> services() {
        return repositoryService.createProcessDefinitionQuery().latestVersion().active().list().stream()
                .map(pd -> byDefinitionId.computeIfAbsent(pd.getId(), id -> read(pd)))
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing(ServiceDefinition::group, Comparator.nullsLast(String::compareTo))
                        .thenComparing(ServiceDefinition::name))
                .toList();
    }

    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Optional<ServiceDefinition> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return services().stream().filter(s -> s.code().equals(code)).findFirst();
    }

    /**
     * Whether a service's cases are private: its model says {@code privacy=private}, says nothing, or the service is
     * unknown (no longer deployed, suspended). Only a model that says {@code privacy=public} makes its cases public.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public boolean isPrivate(String serviceCode) {
        return find(serviceCode).map(ServiceDefinition::privateCases).orElse(true);
    }

    /**
     * The services a caller's own words point to, best first: each word is matched against the service's name,
     * keywords and description ("hole in the road", "my bin wasn't picked up"). Short and common words are ignored,
     * and a plural matches its singular. An empty query matches nothing.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public List<ServiceDefinition> match(String words, boolean publicOnly) {
        List<String> terms = terms(words);
        if (terms.isEmpty()) {
            return List.of();
        }
        record Scored(ServiceDefinition service, int score) {
        }
        return services().stream()
                .filter(s -> !publicOnly || s.publicService())
                .map(s -> new Scored(s, score(s, terms)))
                .filter(s -> s.score() > 0)
                .sorted(Comparator.comparingInt(Scored::score).reversed().thenComparing(s -> s.service().name()))
                .map(Scored::service)
                .toList();
    }

    private static final java.util.Set<String> STOP_WORDS = java.util.Set.of("the", "and", "for", "with", "was", "wasn",
            "not", "has", "have", "there", "this", "that", "from", "into", "our", "my", "a", "an", "in", "on", "at", "of",
            "is", "it", "to", "me", "we", "i", "by", "or", "be", "are", "been", "out", "up", "can", "t", "s");

    static List<String> terms(String words) {
        if (words == null) {
            return List.of();
        }
        String text = words.length() > 200 ? words.substring(0, 200) : words;
        return Arrays.stream(text.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> w.length() >= 2 && !STOP_WORDS.contains(w))
                .map(ServiceCatalogue::singular)
                .distinct()
                .toList();
    }

    private static String singular(String word) {
        if (word.length() > 4 && word.endsWith("ies")) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }

    private static int score(ServiceDefinition service, List<String> terms) {
        String name = service.name().toLowerCase(java.util.Locale.ROOT);
        String description = service.description().toLowerCase(java.util.Locale.ROOT);
        List<String> keywords = service.keywords().stream().map(k -> k.toLowerCase(java.util.Locale.ROOT)).toList();
        int score = 0;
        for (String term : terms) {
            if (keywords.stream().anyMatch(k -> k.equals(term) || singular(k).equals(term))) {
                score += 5;
            } else if (keywords.stream().anyMatch(k -> k.contains(term))) {
                score += 3;
            }
            if (name.contains(term)) {
                score += 3;
            }
            if (description.contains(term) || service.code().contains(term)) {
                score += 1;
            }
        }
        return score;
    }

    private Optional<ServiceDefinition> read(ProcessDefinition definition) {
        BpmnModelInstance model = repositoryService.getBpmnModelInstance(definition.getId());
        Process process = model.getModelElementById(definition.getKey());
        Map<String, String> properties = properties(process);
        String code = properties.get(SERVICE_CODE);
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        List<String> keywords = Arrays.stream(properties.getOrDefault("keywords", "").split(","))
                .map(String::trim).filter(k -> !k.isEmpty()).toList();
        return Optional.of(new ServiceDefinition(
                code.trim(),
                Objects.requireNonNullElse(definition.getName(), code),
                properties.getOrDefault("description", ""),
                keywords,
                properties.getOrDefault("group", "Other"),
                !"staff".equalsIgnoreCase(properties.getOrDefault("visibility", "public")),
                privateCases(definition, properties.get(PRIVACY)),
                definition.getKey(),
                definition.getId(),
                properties.getOrDefault("routingDecision", definition.getKey() + "Routing"),
                !"optional".equalsIgnoreCase(properties.getOrDefault("location", "required")),
                "true".equalsIgnoreCase(properties.getOrDefault("notifyWardCouncillor", "false")),
                questions(definition)));
    }

    /** Private unless the model says public: a missing or mistyped property must not publish anyone's case. */
    private static boolean privateCases(ProcessDefinition definition, String privacy) {
        if (privacy != null && !privacy.strip().equalsIgnoreCase("public") && !privacy.strip().equalsIgnoreCase("private")) {
            log.warn("Service process {} has privacy '{}'; expected public or private, so its cases are private",
                    definition.getKey(), privacy);
        }
        return privacy == null || !privacy.strip().equalsIgnoreCase("public");
    }

    private static Map<String, String> properties(Process process) {
        Map<String, String> properties = new HashMap<>();
        if (process != null && process.getExtensionElements() != null) {
            process.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list()
                    .forEach(list -> list.getCamundaProperties().forEach((CamundaProperty p) -> {
                        if (p.getCamundaName() != null && p.getCamundaValue() != null) {
                            properties.put(p.getCamundaName(), p.getCamundaValue());
                        }
                    }));
        }
        return properties;
    }

    private FormSchema questions(ProcessDefinition definition) {
        try (InputStream form = formService.getDeployedStartForm(definition.getId())) {
            return FormSchema.parse(form);
        } catch (ProcessEngineException e) {
            log.warn("Service process {} has no readable start form; it asks no questions: {}", definition.getKey(), e.getMessage());
            return FormSchema.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
