package org.onestop.engine;

import jakarta.ws.rs.core.FeatureContext;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;

/**
 * Tasklist, Cockpit and Admin call the engine through the webapps' own copy of the REST API ({@code /camunda/api/engine},
 * the starter's servlet "Engine Api"), whose error mappers answer a client's mistake with 500, as {@code /engine-rest}'s
 * did before {@link EngineRestConfig}. That application is built by the starter, so this Jersey auto-discoverable
 * (listed in {@code META-INF/services}) adds {@link EngineRestErrors} to it: to any Jersey application that carries
 * Camunda's engine exception mapper. Jersey then prefers ours by its {@code @Priority}, so a task claimed twice in
 * Tasklist is a 409 and a form the task refuses a 400 there too. Other Jersey applications are left alone.
 */
public class WebappEngineApiErrors implements AutoDiscoverable {

    @Override
    public void configure(FeatureContext context) {
        if (context.getConfiguration().getClasses().contains(ProcessEngineExceptionHandler.class)) {
            context.register(EngineRestErrors.class);
            context.register(EngineRestErrors.ForEngineExceptions.class);
            context.register(EngineRestErrors.ForRestExceptions.class);
        }
    }
}
