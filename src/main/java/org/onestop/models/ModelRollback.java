package org.onestop.models;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.onestop.shared.InvalidRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Rollback: an earlier version of a process or decision (or a file of an earlier deployment, for forms and texts) is
 * deployed again, as a new deployment without duplicate filtering, so it becomes the new latest version, on every node
 * within the catalogue's next check. It passes the model check like any deployment (a version that no longer fits what
 * is live is refused, with the check's problems). The earlier version itself stays as it was: running cases on it go on.
 */
@Service
public class ModelRollback {

    static final String SOURCE = "OneStop rollback";
    private static final Logger log = LoggerFactory.getLogger(ModelRollback.class);

    private final RepositoryService repository;

    ModelRollback(RepositoryService repository) {
        this.repository = repository;
    }

    /** What was deployed: the new deployment, the file, and the new latest version of each key it holds. */
    public record RolledBack(String deploymentId, String resource, Map<String, Integer> newVersions) {
    }

    /** Deploys again the file that holds version {@code version} of the process or decision {@code key}. */
    public RolledBack toVersion(String key, int version, String who) {
        ProcessDefinition process = repository.createProcessDefinitionQuery().processDefinitionKey(key).processDefinitionVersion(version).singleResult();
        if (process != null) {
            return redeploy(process.getDeploymentId(), process.getResourceName(), key + " version " + version, who);
        }
        DecisionDefinition decision = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).decisionDefinitionVersion(version).singleResult();
        if (decision != null) {
            return redeploy(decision.getDeploymentId(), decision.getResourceName(), key + " version " + version, who);
        }
        boolean known = repository.createProcessDefinitionQuery().processDefinitionKey(key).count() > 0
                || repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).count() > 0;
        throw known ? new InvalidRequestException("version", "no version " + version + " of " + key + " is deployed")
                : new InvalidRequestException("key", "no process or decision with this id is deployed");
    }

    /** Deploys again the file {@code resource} (its name as deployed, e.g. pothole-start.form) of an earlier deployment. */
    public RolledBack toFile(String deploymentId, String resource, String who) {
        Deployment deployment = repository.createDeploymentQuery().deploymentId(deploymentId).singleResult();
        if (deployment == null) {
            throw new InvalidRequestException("deploymentId", "no deployment with this id");
        }
        List<String> names = repository.getDeploymentResourceNames(deploymentId);
        String name = names.contains(resource) ? resource
                : names.stream().filter(n -> n.endsWith("/" + resource) || n.endsWith("\\" + resource)).findFirst()
                        .orElseThrow(() -> new InvalidRequestException("resource", "the deployment holds no file of this name (it holds " + String.join(", ", names) + ")"));
        return redeploy(deploymentId, name, name + " of deployment " + deploymentId, who);
    }

    private RolledBack redeploy(String deploymentId, String resourceName, String what, String who) {
        String file = resourceName.substring(Math.max(resourceName.lastIndexOf('/'), resourceName.lastIndexOf('\\')) + 1);
        DeploymentWithDefinitions deployed;
        try (InputStream content = repository.getResourceAsStream(deploymentId, resourceName)) {
            String name = ("Rollback to " + what + " by " + who);
            deployed = repository.createDeployment()
                    .name(name.length() > 255 ? name.substring(0, 255) : name)
                    .source(SOURCE)
                    .addInputStream(file, content)
                    .deployWithResult();
        } catch (BadUserRequestException refused) {
            // the model check's problems, each with its element and how to fix it
            throw new InvalidRequestException("version", refused.getMessage());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resourceName + " of deployment " + deploymentId, e);
        }
        Map<String, Integer> versions = new LinkedHashMap<>();
        if (deployed.getDeployedProcessDefinitions() != null) {
            deployed.getDeployedProcessDefinitions().forEach(d -> versions.put(d.getKey(), d.getVersion()));
        }
        if (deployed.getDeployedDecisionDefinitions() != null) {
            deployed.getDeployedDecisionDefinitions().forEach(d -> versions.put(d.getKey(), d.getVersion()));
        }
        log.info("Rolled back: {} deployed again by {} as deployment {} ({})", what, who, deployed.getId(), versions);
        return new RolledBack(deployed.getId(), file, versions);
    }
}
