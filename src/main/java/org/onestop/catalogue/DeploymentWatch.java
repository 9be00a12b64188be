package org.onestop.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractSetProcessDefinitionStateCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteDeploymentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessDefinitionsByIdsCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessDefinitionsByKeyCmd;
import org.camunda.bpm.engine.impl.cmd.DeployCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells the catalogue, once committed, that this node deployed, deleted, suspended or activated models, so that it
 * rebuilds at once instead of at its next check (which is what notices other nodes' changes).
 * <p>
 * The engine has no public hook for "a deployment happened": this is the catalogue's one class that touches
 * {@code impl} types (a plugin and a command interceptor around the engine's transaction). The interceptor only
 * watches; it never calls the engine.
 */
@Component
class DeploymentWatch extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(DeploymentWatch.class);

    private final AtomicLong generation = new AtomicLong();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
            configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
        }
        // "Pre": outside the engine's transaction, so that a command run on its own has committed when next returns.
        configuration.getCustomPreCommandInterceptorsTxRequired().add(new CommandInterceptor() {
            @Override
            public <T> T execute(Command<T> command) {
                T result = next.execute(command);
                if (changesModels(command)) {
                    afterCommit();
                }
                return result;
            }
        });
    }

    private static boolean changesModels(Command<?> command) {
        return command instanceof DeployCmd || command instanceof DeleteDeploymentCmd
                || command instanceof DeleteProcessDefinitionsByIdsCmd || command instanceof DeleteProcessDefinitionsByKeyCmd
                || command instanceof AbstractSetProcessDefinitionStateCmd;
    }

    /** Inside a caller's Spring transaction the change is not visible to others before it commits. */
    private void afterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    changed();
                }
            });
        } else {
            changed();
        }
    }

    private void changed() {
        generation.incrementAndGet();
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                // Past the commit: the change stands, and the catalogue's periodic check will see it.
                log.warn("Could not pass on a change of the deployed models: {}", e.toString());
            }
        }
    }

    /** Grows with every committed change of this node's models. */
    long generation() {
        return generation.get();
    }

    void onChange(Runnable listener) {
        listeners.add(listener);
    }
}
