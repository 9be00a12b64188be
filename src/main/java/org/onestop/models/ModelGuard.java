package org.onestop.models;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Deploying a model is running code, so the engine gets two guards here:
 * <ul>
 * <li>its expression language sees only the {@link ModelBean}s, not the whole Spring context;</li>
 * <li>every new deployment (Camunda Modeler and {@code /engine-rest/deployment/create}, redeploy, the Java API,
 * the auto-deployment at start) passes the {@link ModelCheck} first, or is refused with a
 * {@link BadUserRequestException}, which Camunda's REST API answers with 400 and the message.</li>
 * </ul>
 * The engine's extension points for this (plugin, deployer, deployment entity) are {@code impl} types: this is the one
 * class that touches them.
 */
@Component
class ModelGuard extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(ModelGuard.class);

    private final ConfigurableListableBeanFactory beanFactory;
    private final ApplicationContext context;

    ModelGuard(ConfigurableListableBeanFactory beanFactory, ApplicationContext context) {
        this.beanFactory = beanFactory;
        this.context = context;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        ModelBeans beans = ModelBeans.of(beanFactory);
        configuration.setBeans(beans.forEngine());
        // The starter built its expression manager before plugins run, from the then empty bean map (which means
        // "the whole context"): replace it with one that resolves only the model beans.
        configuration.setExpressionManager(new SpringExpressionManager(context, configuration.getBeans()));
        // The legacy behaviour would evaluate DMN inputs and outputs without an expressionLanguage as JUEL.
        configuration.setDmnFeelEnableLegacyBehavior(false);
        if (configuration.getCustomPreDeployers() == null) {
            configuration.setCustomPreDeployers(new ArrayList<>());
        }
        configuration.getCustomPreDeployers().add(check(beans.check(), new EngineModels(configuration::getRepositoryService, configuration::getIdentityService, beanFactory)));
        configuration.getCustomPreDeployers().add(deployer(configuration));
        log.info("Models may use these beans: {}", beans.names());
    }

    private static Deployer check(ModelCheck check, ServiceRules.Deployed deployed) {
        return deployment -> {
            // Only a new deployment: the engine also runs its deployers when it reloads a deployed one into its cache.
            if (!deployment.isNew() || deployment.getResources() == null) {
                return;
            }
            List<ModelProblem> problems = new ArrayList<>();
            Map<String, byte[]> files = new LinkedHashMap<>();
            for (ResourceEntity resource : deployment.getResources().values()) {
                problems.addAll(check.check(resource.getName(), resource.getBytes()));
                files.put(resource.getName(), resource.getBytes());
            }
            if (problems.isEmpty()) {
                problems.addAll(check.across(files, deployed).check());
            }
            if (!problems.isEmpty()) {
                throw new BadUserRequestException(message(deployment, problems));
            }
        };
    }

    /**
     * After the check (custom pre-deployers run in order): says who deploys, when a user is signed in, for the record
     * the engine does not keep ({@link ModelDeployed}).
     */
    private Deployer deployer(ProcessEngineConfigurationImpl configuration) {
        return deployment -> {
            if (!deployment.isNew()) {
                return;
            }
            Authentication user = configuration.getIdentityService().getCurrentAuthentication();
            if (user != null && user.getUserId() != null) {
                context.publishEvent(new ModelDeployed(deployment.getId(), deployment.getName(), user.getUserId()));
            }
        };
    }

    private static String message(DeploymentEntity deployment, List<ModelProblem> problems) {
        return "Deployment " + (deployment.getName() == null ? "" : "'" + deployment.getName() + "' ") + "refused: "
                + problems.size() + (problems.size() == 1 ? " problem" : " problems") + " (see README, \"What models may call\")\n"
                + problems.stream().map(p -> "- " + p.describe()).collect(Collectors.joining("\n"));
    }
}
