/**
 * The process owners' pages and API: "What is live" ({@code /owner/services}, {@code GET /api/models/services}), every
 * service with its live process, decisions and start form, who deployed them (recorded here from
 * {@link org.onestop.models.ModelDeployed}), cases running per process version (counts only) and the intakes that
 * failed since the last deploy (recorded here from {@link org.onestop.cases.CaseIntakeFailed}); and the preview
 * ({@code /owner/services/{code}/preview}, {@code POST /api/models/services/{code}/preview}), what the live decisions
 * would decide for sample answers, by the cases feature's {@link org.onestop.cases.RoutingPreview}. Who may is the
 * access policy's {@code mayManageModels}.
 */
@ApplicationModule(allowedDependencies = {"access", "cases", "catalogue", "city", "departments", "models", "places", "shared", "web"})
package org.onestop.owners;

import org.springframework.modulith.ApplicationModule;
