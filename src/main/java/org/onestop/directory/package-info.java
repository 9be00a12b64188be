/**
 * The staff directory ({@code /directory}, {@code /api/directory}): departments with their services, public numbers,
 * who is on call now and their members; and the administrators' departments pages and API
 * ({@code /admin/departments}, {@code /api/departments}). Kept out of {@code departments}, which the access policy
 * itself uses.
 */
@ApplicationModule(allowedDependencies = {"access", "catalogue", "departments", "oncall", "shared", "standards", "web"})
package org.onestop.directory;

import org.springframework.modulith.ApplicationModule;
