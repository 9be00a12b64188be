package org.onestop.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.onestop.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * An upgrade (OneStop's start-up deployment with a bundled file that changed) never replaces a model a process owner
 * deployed since: it deploys what it may, holds the rest back with a warning, and lists it for owners and admins. Two
 * nodes starting together deploy a change once. The start-up deployment is run here as a restart runs it, on files of
 * the test's own.
 */
@ExtendWith(OutputCaptureExtension.class)
class ModelUpgradeTest extends IntegrationTest {

    @Autowired
    BundledModels bundled;
    @Autowired
    RepositoryService repositoryService;

    private final List<String> keys = new ArrayList<>();

    @AfterEach
    void removeTheTestModels() {
        for (String key : keys) {
            repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).list().stream()
                    .map(ProcessDefinition::getDeploymentId).distinct().forEach(d -> repositoryService.deleteDeployment(d, true));
        }
    }

    private static String model(String id, String taskName) {
        return ModelGuardTest.process(id, "name=\"" + taskName + "\" camunda:candidateGroups=\"roads\"", "");
    }

    private static Map<String, byte[]> file(String name, String content) {
        return Map.of(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private ProcessDefinition live(String key) {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
    }

    @Test
    void anUpgradeWithAChangedBundledModelKeepsTheOwnersLiveModel(CapturedOutput output) {
        String key = "UpgradeTestProcess";
        keys.add(key);
        String owner = user("it-upgrade-owner", "process-owners");
        String agent = user("it-upgrade-agent", "contact-centre");

        // OneStop 1.0 ships the model; a restart without a change deploys nothing.
        assertThat(bundled.deploy(repositoryService, file("upgrade-test.bpmn", model(key, "Shipped in 1.0")))).isNotNull();
        assertThat(bundled.deploy(repositoryService, file("upgrade-test.bpmn", model(key, "Shipped in 1.0")))).isNull();
        assertThat(live(key).getVersion()).isOne();

        // The process owner changes it with Camunda Modeler.
        ResponseEntity<Map<String, Object>> deployed = BrokenModelsTest.deploy(as(owner), "upgrade-test",
                Map.of("upgrade-test.bpmn", model(key, "Changed by the owner")));
        assertThat(deployed.getStatusCode()).as("%s", deployed.getBody()).isEqualTo(HttpStatus.OK);
        ProcessDefinition owners = live(key);
        assertThat(owners.getVersion()).isEqualTo(2);

        // OneStop 1.1 ships a changed model: it is held back, the owner's stays live, and the log says so.
        assertThat(bundled.deploy(repositoryService, file("upgrade-test.bpmn", model(key, "Shipped in 1.1")))).isNull();
        assertThat(live(key).getId()).isEqualTo(owners.getId());
        assertThat(bundled.heldBack()).singleElement().satisfies(held -> {
            assertThat(held.resource()).isEqualTo("upgrade-test.bpmn");
            assertThat(held.liveKey()).isEqualTo(key);
            assertThat(held.liveVersion()).isEqualTo(2);
            assertThat(held.liveDeploymentName()).isEqualTo("upgrade-test");
            assertThat(held.liveDeploymentSource()).isEqualTo("Camunda Modeler");
        });
        assertThat(output.getOut()).contains("WARN").contains("Bundled model upgrade-test.bpmn changed in this release but was NOT deployed")
                .contains(key + " version 2").contains("'upgrade-test'");
        assertThat(as(owner).getForEntity("/api/models/held-back", String.class).getBody()).contains("upgrade-test.bpmn", key);
        assertThat(as(agent).getForEntity("/api/models/held-back", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        // The owner takes the new version on top (deploys it with Modeler): the next upgrade's change is deployed again.
        assertThat(BrokenModelsTest.deploy(as(owner), "upgrade-test", Map.of("upgrade-test.bpmn", model(key, "Shipped in 1.1")))
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(bundled.deploy(repositoryService, file("upgrade-test.bpmn", model(key, "Shipped in 1.1")))).isNotNull();
        assertThat(bundled.heldBack()).isEmpty();
        ProcessDefinition bundledAgain = live(key);
        assertThat(bundledAgain.getVersion()).isEqualTo(4);
        assertThat(bundled.deploy(repositoryService, file("upgrade-test.bpmn", model(key, "Shipped in 1.2")))).isNotNull();
        assertThat(live(key).getVersion()).isEqualTo(5);
    }

    @Test
    void aChangedBundledModelWhoseLiveVersionIsTheBundledOneIsDeployedAsBefore() {
        String key = "UpgradeUnchangedTestProcess";
        keys.add(key);
        assertThat(bundled.deploy(repositoryService, file("upgrade-unchanged-test.bpmn", model(key, "1.0")))).isNotNull();
        assertThat(bundled.deploy(repositoryService, file("upgrade-unchanged-test.bpmn", model(key, "1.1")))).isNotNull();
        assertThat(live(key).getVersion()).isEqualTo(2);
        assertThat(bundled.heldBack()).isEmpty();
    }

    @Test
    void twoNodesStartingTogetherDeployAChangeOnce() throws Exception {
        String key = "UpgradeClusterTestProcess";
        keys.add(key);
        Map<String, byte[]> files = file("upgrade-cluster-test.bpmn", model(key, "Shipped in 1.1"));
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> starts = new ArrayList<>();
            for (int node = 0; node < 2; node++) {
                starts.add(nodes.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    return bundled.deploy(repositoryService, files);
                }));
            }
            for (Future<String> start : starts) {
                start.get(60, TimeUnit.SECONDS);
            }
        } finally {
            nodes.shutdownNow();
        }
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).count()).isOne();
    }
}
