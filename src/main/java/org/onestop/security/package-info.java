/**
 * Authentication for our pages, {@code /engine-rest} and the Camunda webapps, the engine's authorizations, and the
 * groups and users created at start-up. Infrastructure on top of the features, not under them: no feature depends on
 * it (the roles are {@link org.onestop.access.Roles}), and it depends only on what defines the groups.
 */
@ApplicationModule(allowedDependencies = {"access", "departments", "places", "web"})
package org.onestop.security;

import org.springframework.modulith.ApplicationModule;
