package org.onestop.owners;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.onestop.cases.CaseService;
import org.onestop.cases.RoutingPreview;
import org.onestop.catalogue.ServiceCatalogue;
import org.onestop.catalogue.ServiceDefinition;
import org.springframework.stereotype.Service;

/**
 * "What is live": for every service of the catalogue, its live process, routing table and start form (each with its
 * deployment, when, and who deployed it when OneStop recorded it), the lifecycle and the decisions all services share,
 * how many cases run on each version of the service's process (engine counts only) and the intakes that failed since
 * the last deployment of any model the service's cases go through.
 */
@Service
class LiveServices {

    /** How many of the newest deployments are searched for a start form (the engine has no public form query). */
    static final int DEPLOYMENTS_SEARCHED = 200;
    static final int VERSIONS_SHOWN = 50;
    static final int FAILURES_SHOWN = 5;

    /**
     * A deployed model: its key and version, its deployment, and who deployed it ({@code null}: not recorded, as for the
     * auto-deployment at start or a deployment before OneStop recorded deployers).
     */
    record LiveModel(String key, Integer version, String deploymentId, String deploymentName, Instant deployedAt,
                     String deployedBy, String source) {
    }

    record RunningVersion(int version, long running) {
    }

    record LiveService(String code, String name, LiveModel process, LiveModel routingDecision, LiveModel standardsDecision, LiveModel startForm,
                       List<RunningVersion> runningByVersion, Instant lastDeployAt, long failedIntakesSinceLastDeploy,
                       List<OwnerRecords.IntakeFailure> latestFailures) {
    }

    record Live(LiveModel lifecycle, List<LiveModel> sharedDecisions, List<LiveService> services) {

        /** The lifecycle and its decisions, for the page's first table. */
        public List<LiveModel> shared() {
            List<LiveModel> shared = new ArrayList<>(List.of(lifecycle));
            shared.addAll(sharedDecisions);
            return shared;
        }
    }

    private final ServiceCatalogue catalogue;
    private final RepositoryService repositoryService;
    private final RuntimeService runtimeService;
    private final FormService formService;
    private final RoutingPreview preview;
    private final OwnerRecords records;
    private final ObjectMapper json;

    LiveServices(ServiceCatalogue catalogue, RepositoryService repositoryService, RuntimeService runtimeService,
                 FormService formService, RoutingPreview preview, OwnerRecords records, ObjectMapper json) {
        this.catalogue = catalogue;
        this.repositoryService = repositoryService;
        this.runtimeService = runtimeService;
        this.formService = formService;
        this.preview = preview;
        this.records = records;
        this.json = json;
    }

    /** @param locale the language of the services' names (their French from the catalogue; English when null) */
    Live live(Locale locale) {
        Map<String, Deployment> deployments = new HashMap<>();
        Map<String, LiveModel> forms = forms(deployments);
        LiveModel lifecycle = process(CaseService.LIFECYCLE_PROCESS, deployments);
        List<String> references = preview.decisionReferences();
        List<LiveModel> shared = references.stream().filter(ref -> !ref.contains("${")).map(key -> decision(key, deployments)).toList();
        List<LiveService> services = new ArrayList<>();
        for (ServiceDefinition service : catalogue.services()) {
            LiveModel process = process(service.processKey(), deployments);
            LiveModel routing = service.routingDecision() == null ? null : decision(service.routingDecision(), deployments);
            LiveModel standards = service.standardsDecision() == null ? null : decision(service.standardsDecision(), deployments);
            String formKey = startFormKey(service);
            LiveModel form = formKey == null ? null : forms.getOrDefault(formKey, new LiveModel(formKey, null, null, null, null, null, null));
            List<LiveModel> used = new ArrayList<>(List.of(lifecycle));
            used.addAll(shared);
            used.add(process);
            used.add(routing);
            used.add(standards);
            used.add(form);
            Instant lastDeploy = used.stream().filter(Objects::nonNull).map(LiveModel::deployedAt).filter(Objects::nonNull)
                    .max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
            services.add(new LiveService(service.code(), service.in(locale).name(), process, routing, standards, form, running(service.processKey()),
                    lastDeploy, records.failuresSince(service.code(), lastDeploy), records.failures(service.code(), lastDeploy, FAILURES_SHOWN)));
        }
        return new Live(lifecycle, shared, services);
    }

    private LiveModel process(String key, Map<String, Deployment> deployments) {
        ProcessDefinition definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
        return definition == null ? new LiveModel(key, null, null, null, null, null, null)
                : model(key, definition.getVersion(), definition.getDeploymentId(), deployments);
    }

    private LiveModel decision(String key, Map<String, Deployment> deployments) {
        DecisionDefinition definition = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion().singleResult();
        return definition == null ? new LiveModel(key, null, null, null, null, null, null)
                : model(key, definition.getVersion(), definition.getDeploymentId(), deployments);
    }

    private LiveModel model(String key, Integer version, String deploymentId, Map<String, Deployment> deployments) {
        Deployment deployment = deployments.computeIfAbsent(deploymentId,
                id -> repositoryService.createDeploymentQuery().deploymentId(id).singleResult());
        return new LiveModel(key, version, deploymentId, deployment == null ? null : deployment.getName(),
                deployment == null || deployment.getDeploymentTime() == null ? null : deployment.getDeploymentTime().toInstant(),
                records.deployedBy(deploymentId).orElse(null), deployment == null ? null : deployment.getSource());
    }

    /** Cases (process instances) running on each version of the process that has any, newest version first. */
    private List<RunningVersion> running(String key) {
        List<RunningVersion> running = new ArrayList<>();
        for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery().processDefinitionKey(key)
                .orderByProcessDefinitionVersion().desc().listPage(0, VERSIONS_SHOWN)) {
            long count = runtimeService.createProcessInstanceQuery().processDefinitionId(definition.getId()).count();
            if (count > 0) {
                running.add(new RunningVersion(definition.getVersion(), count));
            }
        }
        return running;
    }

    private String startFormKey(ServiceDefinition service) {
        try {
            CamundaFormRef ref = formService.getStartFormData(service.processDefinitionId()).getCamundaFormRef();
            return ref == null ? null : ref.getKey();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * The live (newest) deployment of each form key among the newest deployments: the engine offers no public query
     * of its Camunda Forms, so the deployments' {@code .form} resources are read for their {@code id}.
     */
    private Map<String, LiveModel> forms(Map<String, Deployment> deployments) {
        Map<String, LiveModel> forms = new HashMap<>();
        for (Deployment deployment : repositoryService.createDeploymentQuery().orderByDeploymentTime().desc().listPage(0, DEPLOYMENTS_SEARCHED)) {
            deployments.put(deployment.getId(), deployment);
            for (String resource : repositoryService.getDeploymentResourceNames(deployment.getId())) {
                if (resource.endsWith(".form")) {
                    formId(deployment.getId(), resource).filter(id -> !forms.containsKey(id))
                            .ifPresent(id -> forms.put(id, model(id, null, deployment.getId(), deployments)));
                }
            }
        }
        return forms;
    }

    private Optional<String> formId(String deploymentId, String resource) {
        try (InputStream in = repositoryService.getResourceAsStream(deploymentId, resource)) {
            String id = json.readTree(in).path("id").asText(null);
            return Optional.ofNullable(id);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
