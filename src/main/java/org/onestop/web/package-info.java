/**
 * The web infrastructure every page and API shares without calling it: error responses (problem details, error
 * pages), request size and rate limits, failed-login throttling, the navigation. Not a shared module: no feature needs
 * it, and none should. It reaches no feature but the access policy (whose links the navigation shows) and the city's settings (its name).
 */
@ApplicationModule(allowedDependencies = {"access", "city"})
package org.onestop.web;

import org.springframework.modulith.ApplicationModule;
