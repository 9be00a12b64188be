package org.onestop.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.onestop.standards.PublishedStandards;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the services from the engine: every latest active process definition that declares a {@code serviceCode}
 * property, with its start form's questions. Called only by {@link ServiceCatalogue}'s own thread, outside any request's
 * transaction: each engine call is its own short transaction, so a form the engine cannot read fails alone.
 */
final class CatalogueReader {

    static final String SERVICE_CODE = "serviceCode";
    static final String PRIVACY = "privacy";
    private static final Logger log = LoggerFactory.getLogger(CatalogueReader.class);

    /** What changes when models are deployed, deleted, suspended or activated; cheap to read. */
    record Marker(long deployments, String newestDeployment, long suspendedDefinitions) {
    }

    private final RepositoryService repositoryService;
    private final FormService formService;

    CatalogueReader(RepositoryService repositoryService, FormService formService) {
        this.repositoryService = repositoryService;
        this.formService = formService;
    }

    Marker marker() {
        List<Deployment> newest = repositoryService.createDeploymentQuery()
                .orderByDeploymentTime().desc().orderByDeploymentId().desc().listPage(0, 1);
        return new Marker(repositoryService.createDeploymentQuery().count(),
                newest.isEmpty() ? null : newest.get(0).getId(),
                repositoryService.createProcessDefinitionQuery().suspended().count());
    }

    /** Every service, public and staff-only, by group and name. */
    List<ServiceDefinition> services() {
        List<ProcessDefinition> definitions = repositoryService.createProcessDefinitionQuery().latestVersion().active().list();
        Set<String> codes = new HashSet<>();
        definitions.forEach(definition -> serviceCode(properties(definition)).ifPresent(codes::add));
        Map<String, ServiceTexts> french = french(codes);
        return definitions.stream()
                .map(definition -> read(definition, french))
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing(ServiceDefinition::group, Comparator.nullsLast(String::compareTo))
                        .thenComparing(ServiceDefinition::name))
                .toList();
    }

    /**
     * Each service's French texts: the newest deployed {@code <serviceCode>.fr.properties} (by file name, wherever the
     * deployment put it). With deploy-changed-only a model and its texts may be in different deployments, so the
     * deployments are read newest first and the first file of each name wins, until every service has its file (so a
     * rebuild reads the newest deployments only, however long the deployment history grows).
     */
    private Map<String, ServiceTexts> french(Set<String> codes) {
        Map<String, ServiceTexts> found = new HashMap<>();
        Set<String> seen = new HashSet<>();
        int page = 200;
        for (int first = 0; ; first += page) {
            List<Deployment> deployments = repositoryService.createDeploymentQuery()
                    .orderByDeploymentTime().desc().orderByDeploymentId().desc().listPage(first, page);
            for (Deployment deployment : deployments) {
                for (String name : repositoryService.getDeploymentResourceNames(deployment.getId())) {
                    String file = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
                    if (!file.endsWith(ServiceTexts.SUFFIX)) {
                        continue;
                    }
                    String code = file.substring(0, file.length() - ServiceTexts.SUFFIX.length());
                    if (seen.add(code)) {
                        try (InputStream in = repositoryService.getResourceAsStream(deployment.getId(), name)) {
                            found.put(code, ServiceTexts.read(in));
                        } catch (ProcessEngineException | IOException | IllegalArgumentException e) {
                            log.warn("Cannot read the French texts {}; the service shows in English: {}", file, e.getMessage());
                        }
                    }
                }
                if (seen.containsAll(codes)) {
                    return found;
                }
            }
            if (deployments.size() < page) {
                return found;
            }
        }
    }

    private Optional<ServiceDefinition> read(ProcessDefinition definition, Map<String, ServiceTexts> french) {
        Map<String, String> properties = properties(definition);
        Optional<String> serviceCode = serviceCode(properties);
        if (serviceCode.isEmpty()) {
            return Optional.empty();
        }
        String code = serviceCode.get();
        List<String> keywords = Arrays.stream(properties.getOrDefault("keywords", "").split(","))
                .map(String::trim).filter(k -> !k.isEmpty()).toList();
        return Optional.of(new ServiceDefinition(
                code,
                Objects.requireNonNullElse(definition.getName(), code),
                properties.getOrDefault("description", ""),
                keywords,
                properties.getOrDefault("group", "Other"),
                !"staff".equalsIgnoreCase(properties.getOrDefault("visibility", "public")),
                privateCases(definition, properties.get(PRIVACY)),
                definition.getKey(),
                definition.getId(),
                properties.getOrDefault("routingDecision", definition.getKey() + "Routing"),
                properties.getOrDefault("standardsDecision", PublishedStandards.SHARED_STANDARDS_DECISION),
                !"optional".equalsIgnoreCase(properties.getOrDefault("location", "required")),
                "true".equalsIgnoreCase(properties.getOrDefault("notifyWardCouncillor", "false")),
                questions(definition),
                french.getOrDefault(code, ServiceTexts.none())));
    }

    /** The process's own properties (the engine caches the parsed model, so reading them twice costs nothing). */
    private Map<String, String> properties(ProcessDefinition definition) {
        BpmnModelInstance model = repositoryService.getBpmnModelInstance(definition.getId());
        return properties((Process) model.getModelElementById(definition.getKey()));
    }

    /** The service code a process declares; none for a process that is no service (the lifecycle, say). */
    private static Optional<String> serviceCode(Map<String, String> properties) {
        String code = properties.get(SERVICE_CODE);
        return code == null || code.isBlank() ? Optional.empty() : Optional.of(code.trim());
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

    /** A service whose form cannot be read is asked no questions (and the rest of the catalogue stands). */
    private FormSchema questions(ProcessDefinition definition) {
        try (InputStream form = formService.getDeployedStartForm(definition.getId())) {
            return FormSchema.parse(form);
        } catch (ProcessEngineException | IOException e) {
            log.warn("Service process {} has no readable start form; it asks no questions: {}", definition.getKey(), e.getMessage());
            return FormSchema.empty();
        }
    }
}
