package org.onestop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;

/**
 * The models in bpmn/, dmn/ and forms/ (Camunda Forms included) are deployed at start, and a restart deploys only
 * what changed: the start-up deployment is repeated here, as a restart repeats it.
 */
class DeploymentTest extends IntegrationTest {

    @Autowired
    SpringProcessEngineConfiguration configuration;
    @Autowired
    RepositoryService repositoryService;

    private DeploymentBuilder startUpDeployment() throws Exception {
        DeploymentBuilder deployment = repositoryService.createDeployment().name(configuration.getDeploymentName())
                .enableDuplicateFiltering(configuration.isDeployChangedOnly());
        for (Resource resource : configuration.getDeploymentResources()) {
            try (InputStream in = resource.getInputStream()) {
                deployment.addInputStream(nameOf(resource), in);
            }
        }
        return deployment;
    }

    /** The name Camunda's Spring auto-deployment gives a resource (and compares on the next start). */
    private static String nameOf(Resource resource) {
        try {
            return resource.getFile().getAbsolutePath();
        } catch (Exception notAFile) {
            return resource.getFilename();
        }
    }

    private Resource resource(String filename) {
        for (Resource resource : configuration.getDeploymentResources()) {
            if (filename.equals(resource.getFilename())) {
                return resource;
            }
        }
        throw new AssertionError("no deployment resource " + filename);
    }

    @Test
    void everyModelIsDeployedFormsIncluded() {
        assertThat(configuration.isDeployChangedOnly()).isTrue();
        assertThat(configuration.getDeploymentResources()).extracting(Resource::getFilename)
                .contains("case-lifecycle.bpmn", "pothole.bpmn", "service-standards.dmn", "pothole-start.form", "inspect-pothole.form");
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("PotholeRepairProcess").count()).isPositive();
        assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("ServiceStandards").count()).isPositive();
    }

    @Test
    void aRestartDeploysOnlyWhatChanged() throws Exception {
        long potholeVersions = repositoryService.createProcessDefinitionQuery().processDefinitionKey("PotholeRepairProcess").count();
        long lifecycleVersions = repositoryService.createProcessDefinitionQuery().processDefinitionKey("CaseLifecycleProcess").count();

        // Nothing changed: nothing new.
        DeploymentWithDefinitions unchanged = startUpDeployment().deployWithResult();
        assertThat(unchanged.getDeployedProcessDefinitions()).isNullOrEmpty();
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("PotholeRepairProcess").count()).isEqualTo(potholeVersions);

        // One process changed (a process owner edited its documentation): only that one gets a new version.
        Resource potholeFile = resource("pothole.bpmn");
        Resource lifecycleFile = resource("case-lifecycle.bpmn");
        String pothole = new String(potholeFile.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        DeploymentWithDefinitions changed;
        try (InputStream lifecycle = lifecycleFile.getInputStream()) {
            changed = repositoryService.createDeployment().name(configuration.getDeploymentName())
                    .enableDuplicateFiltering(true)
                    .addString(nameOf(potholeFile), pothole.replace("Roads: inspect a reported pothole", "Roads: inspect every reported pothole"))
                    .addInputStream(nameOf(lifecycleFile), lifecycle)
                    .deployWithResult();
        }
        try {
            assertThat(changed.getDeployedProcessDefinitions()).extracting(d -> d.getKey()).containsExactly("PotholeRepairProcess");
            assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("CaseLifecycleProcess").count()).isEqualTo(lifecycleVersions);
        } finally {
            repositoryService.deleteDeployment(changed.getId(), true);
        }
    }
}
