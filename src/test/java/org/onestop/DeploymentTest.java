package org.onestop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.onestop.models.BundledModels;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The models in bpmn/, dmn/ and forms/ (Camunda Forms included) are deployed at start by OneStop's own start-up
 * deployment (models/BundledModels; the starter's is off), and a restart deploys only what changed: the start-up
 * deployment is repeated here, as a restart repeats it. ModelUpgradeTest covers a change a process owner made since.
 */
class DeploymentTest extends IntegrationTest {

    @Autowired
    SpringProcessEngineConfiguration configuration;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    BundledModels bundled;

    @Test
    void everyModelIsDeployedFormsIncluded() {
        assertThat(configuration.getDeploymentResources()).as("the starter's auto-deployment is off").isNullOrEmpty();
        assertThat(bundled.resources()).containsKeys("case-lifecycle.bpmn", "pothole.bpmn", "standards-pothole.dmn", "pothole-start.form",
                "inspect-pothole.form", "pothole.fr.properties");
        assertThat(bundled.resources()).doesNotContainKey("service-standards.dmn");
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("PotholeRepairProcess").count()).isPositive();
        assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("PotholeStandards").count()).isPositive();
        assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("GraffitiStandards").count()).isPositive();
    }

    @Test
    void aRestartDeploysOnlyWhatChanged() {
        long potholeVersions = repositoryService.createProcessDefinitionQuery().processDefinitionKey("PotholeRepairProcess").count();
        long lifecycleVersions = repositoryService.createProcessDefinitionQuery().processDefinitionKey("CaseLifecycleProcess").count();

        // Nothing changed: nothing new.
        assertThat(bundled.deploy(repositoryService, bundled.resources())).isNull();
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("PotholeRepairProcess").count()).isEqualTo(potholeVersions);

        // One bundled process changed (a new release edited its documentation): only that one gets a new version.
        Map<String, byte[]> release = new LinkedHashMap<>(bundled.resources());
        String pothole = new String(release.get("pothole.bpmn"), StandardCharsets.UTF_8);
        release.put("pothole.bpmn", pothole.replace("Roads: inspect a reported pothole", "Roads: inspect every reported pothole")
                .getBytes(StandardCharsets.UTF_8));
        String changed = bundled.deploy(repositoryService, release);
        assertThat(changed).isNotNull();
        try {
            assertThat(repositoryService.getDeploymentResourceNames(changed)).containsExactly("pothole.bpmn");
            assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("PotholeRepairProcess").count()).isEqualTo(potholeVersions + 1);
            assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("CaseLifecycleProcess").count()).isEqualTo(lifecycleVersions);
        } finally {
            repositoryService.deleteDeployment(changed, true);
        }
    }
}
