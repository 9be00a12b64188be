package org.onestop.models;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.w3c.dom.Element;

/**
 * OneStop's start-up deployment of the models it ships (bpmn/, dmn/, forms/ and the services' French texts, the
 * patterns of {@code camunda.bpm.deployment-resource-pattern}); the starter's own auto-deployment is off. A bundled file
 * that did not change since OneStop last deployed it is left alone. A changed (or new) one is deployed, unless a process
 * owner has deployed that model since: then the live model is the owner's, and the bundled file is <em>held back</em>,
 * with a warning in the log naming the file and the live version, and listed by {@code GET /api/models/held-back}
 * (see "Upgrading OneStop" in the README for how the owner takes the new bundled version on top).
 * <p>
 * "Deployed by a process owner" is any deployment other than this start-up deployment (Camunda Modeler, the REST API, a
 * rollback), after OneStop's last deployment of the file: for a process or decision, the latest version of a key the
 * bundled file holds is from such a deployment; for a form or a texts file, such a deployment holds a file of the
 * same name. The start-up deployment keeps the name the starter gave it ({@value #NAME}), so that databases from before
 * continue. On a cluster every node starts the same way: the engine takes its deployment lock and filters duplicates
 * (same name, same content), and OneStop holds a lock row of its own ({@code model_deployment_lock}, V39) while it
 * decides and deploys, so when two nodes start together the second finds the change deployed and deploys nothing.
 */
@Component
public class BundledModels extends AbstractProcessEnginePlugin {

    static final String NAME = "SpringAutoDeployment";
    private static final Logger log = LoggerFactory.getLogger(BundledModels.class);

    private final CamundaBpmProperties properties;
    private final TransactionTemplate transaction;
    private final JdbcTemplate jdbc;
    private volatile List<HeldBack> heldBack = List.of();

    /** The transaction manager is the one the engine works in (JPA's, which waits for Flyway's migrations). */
    BundledModels(CamundaBpmProperties properties, PlatformTransactionManager transactions, DataSource dataSource) {
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** A bundled file that changed in this release but was not deployed, because a process owner's version is live. */
    public record HeldBack(String resource, String liveKey, Integer liveVersion, String liveDeploymentId, String liveDeploymentName,
                    String liveDeploymentSource, Instant liveDeployedAt, Instant bundledDeployedAt) {

        String describe() {
            return "Bundled model " + resource + " changed in this release but was NOT deployed: the live "
                    + (liveKey == null ? "file" : liveKey + " version " + liveVersion) + " came from deployment '"
                    + liveDeploymentName + "' (id " + liveDeploymentId + (liveDeploymentSource == null ? "" : ", source " + liveDeploymentSource)
                    + ") at " + liveDeployedAt + ", after OneStop last deployed this file"
                    + (bundledDeployedAt == null ? "" : " (" + bundledDeployedAt + ")")
                    + ". The process owner's model stays live. To take the new bundled version, deploy it from the release's "
                    + resource + " (merged with the owner's change) with Camunda Modeler; see \"Upgrading OneStop\" in the README.";
        }
    }

    /** The bundled files held back at this node's start (every node comes to the same list). */
    public List<HeldBack> heldBack() {
        return heldBack;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        deploy(engine.getRepositoryService(), resources());
    }

    /** The bundled files, file name → content. */
    public Map<String, byte[]> resources() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        for (String pattern : properties.getDeploymentResourcePattern()) {
            try {
                for (Resource resource : resolver.getResources(pattern)) {
                    if (resource.isReadable() && resource.getFilename() != null) {
                        try (InputStream in = resource.getInputStream()) {
                            files.putIfAbsent(resource.getFilename(), in.readAllBytes());
                        }
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the bundled models (" + pattern + ")", e);
            }
        }
        return files;
    }

    /**
     * Deploys what changed and is not held back; returns the deployment's id, or null when nothing was deployed. One
     * node at a time: the lock row (V39) is held while it decides and deploys, in one transaction the engine joins.
     */
    public String deploy(RepositoryService repository, Map<String, byte[]> files) {
        return transaction.execute(status -> {
            jdbc.queryForObject("select id from model_deployment_lock where id = 1 for update", Integer.class);
            return decideAndDeploy(repository, files);
        });
    }

    private String decideAndDeploy(RepositoryService repository, Map<String, byte[]> files) {
        Map<String, Bundled> lastBundled = lastBundled(repository, files.keySet());
        Map<String, byte[]> toDeploy = new LinkedHashMap<>();
        Others others = new Others(repository);
        List<HeldBack> held = new ArrayList<>();
        int unchanged = 0;
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Bundled last = lastBundled.get(file.getKey());
            if (last != null && Arrays.equals(last.content(), file.getValue())) {
                unchanged++;
                continue;
            }
            Optional<HeldBack> owners = ownersLiveVersion(repository, file.getKey(), file.getValue(), last, others);
            if (owners.isPresent()) {
                held.add(owners.get());
                log.warn(owners.get().describe());
            } else {
                toDeploy.put(file.getKey(), file.getValue());
            }
        }
        heldBack = List.copyOf(held);
        if (toDeploy.isEmpty()) {
            log.info("Bundled models: {} unchanged, none to deploy{}", unchanged, held.isEmpty() ? "" : ", " + held.size() + " held back");
            return null;
        }
        DeploymentBuilder deployment = repository.createDeployment().name(NAME).enableDuplicateFiltering(true);
        toDeploy.forEach((name, content) -> deployment.addInputStream(name, new java.io.ByteArrayInputStream(content)));
        Deployment deployed = deployment.deploy();
        log.info("Bundled models: {} unchanged, deployed {} changed or new: {}{}", unchanged, toDeploy.size(), toDeploy.keySet(),
                held.isEmpty() ? "" : "; " + held.size() + " held back (see the warnings above)");
        return deployed.getId();
    }

    private record Bundled(byte[] content, Date deployedAt) {
    }

    /** Each file's content in the newest start-up deployment that holds it (by file name, wherever it was read from). */
    private static Map<String, Bundled> lastBundled(RepositoryService repository, Set<String> names) {
        Map<String, Bundled> found = new LinkedHashMap<>();
        for (Deployment deployment : repository.createDeploymentQuery().deploymentName(NAME).orderByDeploymentTime().desc().list()) {
            for (String resource : repository.getDeploymentResourceNames(deployment.getId())) {
                String name = fileName(resource);
                if (names.contains(name) && !found.containsKey(name)) {
                    try (InputStream in = repository.getResourceAsStream(deployment.getId(), resource)) {
                        found.put(name, new Bundled(in.readAllBytes(), deployment.getDeploymentTime()));
                    } catch (IOException e) {
                        throw new IllegalStateException("cannot read the deployed " + resource, e);
                    }
                }
            }
            if (found.size() == names.size()) {
                break;
            }
        }
        return found;
    }

    /**
     * The process owner's live version of this file, if one was deployed after OneStop last deployed the file: for a
     * process or decision, its latest version is from another deployment (versions only grow, so that one is newer);
     * for a form or texts file, another deployment holds a file of this name and is not older.
     */
    private static Optional<HeldBack> ownersLiveVersion(RepositoryService repository, String name, byte[] content, Bundled last,
                                                        Others others) {
        String lower = name.toLowerCase(Locale.ROOT);
        Set<String> keys = keys(lower, content);
        for (String key : keys) {
            String deploymentId = null;
            String resource = null;
            Integer version = null;
            if (lower.endsWith(".bpmn")) {
                ProcessDefinition live = repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
                if (live != null) {
                    deploymentId = live.getDeploymentId();
                    resource = live.getResourceName();
                    version = live.getVersion();
                }
            } else {
                DecisionDefinition live = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion().singleResult();
                if (live != null) {
                    deploymentId = live.getDeploymentId();
                    resource = live.getResourceName();
                    version = live.getVersion();
                }
            }
            Deployment deployment = deploymentId == null ? null
                    : repository.createDeploymentQuery().deploymentId(deploymentId).singleResult();
            if (deployment != null && !NAME.equals(deployment.getName()) && !sameContent(repository, deploymentId, resource, content)) {
                return Optional.of(heldBack(name, key, version, deployment, last));
            }
        }
        if (!keys.isEmpty()) {
            return Optional.empty();
        }
        // Forms and texts files have no version query: a deployment by someone else, not older, holding a file of this name.
        for (Deployment deployment : others.list()) {
            if (last != null && deployment.getDeploymentTime().before(last.deployedAt())) {
                break;
            }
            String resource = others.resourceNamed(deployment.getId(), name);
            if (resource != null) {
                return sameContent(repository, deployment.getId(), resource, content) ? Optional.empty()
                        : Optional.of(heldBack(name, null, null, deployment, last));
            }
        }
        return Optional.empty();
    }

    /** The deployments other than the start-up deployment, newest first, and their files' names: read once, when needed. */
    private static final class Others {
        private final RepositoryService repository;
        private List<Deployment> list;
        private final Map<String, Map<String, String>> names = new LinkedHashMap<>();

        Others(RepositoryService repository) {
            this.repository = repository;
        }

        List<Deployment> list() {
            if (list == null) {
                list = repository.createDeploymentQuery().orderByDeploymentTime().desc().list().stream()
                        .filter(d -> !NAME.equals(d.getName())).toList();
            }
            return list;
        }

        /** The deployment's resource whose file name is this, or null. */
        String resourceNamed(String deploymentId, String file) {
            return names.computeIfAbsent(deploymentId, id -> {
                Map<String, String> files = new LinkedHashMap<>();
                repository.getDeploymentResourceNames(id).forEach(r -> files.putIfAbsent(fileName(r), r));
                return files;
            }).get(file);
        }
    }

    /**
     * Whether the live file is the bundled one after all (the process owner took the new bundled version on top, as
     * "Upgrading OneStop" says): then the start-up deployment takes it over again, and later upgrades go on.
     */
    private static boolean sameContent(RepositoryService repository, String deploymentId, String resource, byte[] content) {
        if (resource == null) {
            return false;
        }
        try (InputStream in = repository.getResourceAsStream(deploymentId, resource)) {
            return Arrays.equals(in.readAllBytes(), content);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static HeldBack heldBack(String name, String key, Integer version, Deployment deployment, Bundled last) {
        return new HeldBack(name, key, version, deployment.getId(), deployment.getName(), deployment.getSource(),
                deployment.getDeploymentTime().toInstant(), last == null ? null : last.deployedAt().toInstant());
    }

    /** The process ids of a BPMN file, the decision ids of a DMN file; none for other files or one that cannot be read. */
    private static Set<String> keys(String lowerName, byte[] content) {
        Set<String> keys = new LinkedHashSet<>();
        boolean bpmn = lowerName.endsWith(".bpmn");
        if (!bpmn && !lowerName.endsWith(".dmn")) {
            return keys;
        }
        try {
            for (Element element : ServiceRules.elements(SafeXml.parse(content).getDocumentElement(), null, bpmn ? "process" : "decision")) {
                if (!element.getAttribute("id").isBlank()) {
                    keys.add(element.getAttribute("id"));
                }
            }
        } catch (Exception e) {
            // the model check refuses the file when it is deployed
        }
        return keys;
    }

    private static String fileName(String resourceName) {
        return resourceName.substring(Math.max(resourceName.lastIndexOf('/'), resourceName.lastIndexOf('\\')) + 1);
    }
}
