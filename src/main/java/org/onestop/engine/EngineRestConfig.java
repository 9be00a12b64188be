package org.onestop.engine;

import java.util.LinkedHashSet;
import java.util.Set;

import org.camunda.bpm.engine.rest.exception.ExceptionHandler;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.springframework.stereotype.Component;

/**
 * Camunda's REST API as the starter registers it, but with {@link EngineRestErrors} in place of Camunda's mappers
 * for engine, REST and other exceptions (they answer a client's mistake with 500). The starter steps back when a
 * {@link CamundaJerseyResourceConfig} bean exists.
 */
@Component
class EngineRestConfig extends CamundaJerseyResourceConfig {

    @Override
    protected void registerCamundaRestResources() {
        registerClasses(CamundaRestResources.getResourceClasses());
        Set<Class<?>> configuration = new LinkedHashSet<>(CamundaRestResources.getConfigurationClasses());
        configuration.removeAll(Set.of(ProcessEngineExceptionHandler.class, RestExceptionHandler.class, ExceptionHandler.class));
        registerClasses(configuration);
        register(EngineRestErrors.class);
        register(JacksonFeature.class);
    }
}
