/**
 * Authentication for our pages, {@code /engine-rest} and the Camunda webapps, the engine's authorizations, and the
 * groups and users created at start-up. Infrastructure on top of the features, not under them: no feature depends on
 * it (the roles are {@link org.onestop.access.Roles}), and it depends only on what defines the groups and on the city's settings (demo users or not).
 */
@ApplicationModule(allowedDependencies = {"access", "city", "departments", "places", "web"})
package org.onestop.security;

import org.springframework.modulith.ApplicationModule;
