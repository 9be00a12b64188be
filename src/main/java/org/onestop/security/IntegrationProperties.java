package org.onestop.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Back-office systems' workers ({@code onestop.integrations.*}): the processes whose external tasks members of the
 * {@code integrations} group may fetch, lock and complete through {@code /engine-rest} (see the README, "For
 * integrators: work orders and webhooks").
 *
 * @param processes process definition keys (ids of the {@code <process>} elements); a process owner who adds an
 *                  external task to another service adds its key here
 */
@ConfigurationProperties("onestop.integrations")
record IntegrationProperties(@DefaultValue("PotholeRepairProcess") List<String> processes) {
}
