package org.onestop.models;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.onestop.departments.Departments;
import org.springframework.beans.factory.BeanFactory;

/**
 * What is live, for {@link ServiceRules} at deploy time: the engine's deployed decisions and processes and its staff
 * groups, plus the groups OneStop creates for each configured department on start (the bundled models are deployed
 * while the engine starts, before those groups are made).
 */
final class EngineModels implements ServiceRules.Deployed {

    private final Supplier<RepositoryService> repository;
    private final Supplier<IdentityService> identity;
    private final BeanFactory beans;
    private final Map<String, Map<String, byte[]>> formsByDeployment = new ConcurrentHashMap<>();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The services are looked up when a deployment is checked: the engine is still being built when this is made. */
    EngineModels(Supplier<RepositoryService> repository, Supplier<IdentityService> identity, BeanFactory beans) {
        this.repository = repository;
        this.identity = identity;
        this.beans = beans;
    }

    @Override
    public Optional<byte[]> decision(String key) {
        DecisionDefinition definition = repository.get().createDecisionDefinitionQuery().decisionDefinitionKey(key)
                .latestVersion().singleResult();
        if (definition == null) {
            return Optional.empty();
        }
        try (InputStream xml = repository.get().getDecisionModel(definition.getId())) {
            return Optional.of(xml.readAllBytes());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean process(String key) {
        return repository.get().createProcessDefinitionQuery().processDefinitionKey(key).count() > 0;
    }

    /**
     * Camunda 7 has no public query for deployed forms: the deployments' {@code .form} resources are read, once per
     * deployment (deployments never change), and only when a model names a form its own deployment does not hold.
     */
    @Override
    public Boolean form(String id) {
        return formJson(id).isPresent();
    }

    /** The newest deployment's form with this id. */
    @Override
    public Optional<byte[]> formJson(String id) {
        RepositoryService repositoryService = repository.get();
        for (Deployment deployment : repositoryService.createDeploymentQuery().orderByDeploymentTime().desc().list()) {
            byte[] form = formsByDeployment.computeIfAbsent(deployment.getId(), d -> forms(repositoryService, d)).get(id);
            if (form != null) {
                return Optional.of(form);
            }
        }
        return Optional.empty();
    }

    private static Map<String, byte[]> forms(RepositoryService repositoryService, String deploymentId) {
        Map<String, byte[]> forms = new java.util.HashMap<>();
        for (String name : repositoryService.getDeploymentResourceNames(deploymentId)) {
            if (name.toLowerCase(java.util.Locale.ROOT).endsWith(".form")) {
                try (InputStream json = repositoryService.getResourceAsStream(deploymentId, name)) {
                    byte[] content = json.readAllBytes();
                    String formId = JSON.readTree(content).path("id").asText("");
                    if (!formId.isBlank()) {
                        forms.put(formId, content);
                    }
                } catch (IOException | RuntimeException e) {
                    // not a form the engine could read either
                }
            }
        }
        return forms;
    }

    @Override
    public List<Map.Entry<String, byte[]>> serviceProcesses() {
        RepositoryService repositoryService = repository.get();
        List<Map.Entry<String, byte[]>> processes = new ArrayList<>();
        for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
            try (InputStream xml = repositoryService.getProcessModel(definition.getId())) {
                processes.add(Map.entry(definition.getResourceName(), xml.readAllBytes()));
            } catch (IOException e) {
                // skipped: the engine could not give its own model back
            }
        }
        return processes;
    }

    @Override
    public Set<String> unknownGroups(Collection<String> groups) {
        Set<String> unknown = new TreeSet<>(groups);
        unknown.removeAll(configuredGroups());
        if (!unknown.isEmpty()) {
            identity.get().createGroupQuery().groupIdIn(unknown.toArray(String[]::new)).list()
                    .forEach(g -> unknown.remove(g.getId()));
        }
        return unknown;
    }

    /** A department's group, its supervisors', on-call and head groups (security's IdentityBootstrap creates them). */
    private Set<String> configuredGroups() {
        Set<String> groups = new HashSet<>();
        for (Departments.Department d : beans.getBean(Departments.class).departments()) {
            groups.add(d.id());
            groups.add(d.supervisorsGroup());
            groups.add(d.id() + "-oncall");
            groups.add(d.id() + "-head");
        }
        return groups;
    }
}
