/**
 * Moving a service's running cases to the newest version of its process (the README's "Moving running cases to a new
 * version"): how many cases run on each version, the migration plan the engine generates (activities mapped by id) and
 * what it cannot map, a try on one case, then all of them as a Camunda batch with its progress and failures, and who
 * did what (table {@code case_migration}). For process owners and administrators ({@code CaseAccessPolicy#mayManageModels}).
 * It moves only the service's own process instance, never the case lifecycle that calls it, so a case keeps its
 * standard and due dates.
 */
@ApplicationModule(allowedDependencies = {"access", "catalogue", "city", "shared", "web"})
package org.onestop.migration;

import org.springframework.modulith.ApplicationModule;
