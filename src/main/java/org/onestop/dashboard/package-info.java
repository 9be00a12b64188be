/**
 * The public dashboard at {@code /dashboard}: for the last 12 months, month by month, the requests received, the share
 * resolved within standard and the average time to resolve, city-wide and by service and by ward, in the residents'
 * layout, English and French, without a login. The figures come from the cases' grouped counts ({@code CaseFigures}),
 * are computed at most once per {@code onestop.dashboard.refresh}, and follow the access policy's rules for public
 * figures ({@code CaseAccessPolicy#publicFigures}): private cases only in the city-wide totals, no small cells.
 */
@ApplicationModule(allowedDependencies = {"access", "cases", "catalogue", "city", "web"})
package org.onestop.dashboard;

import org.springframework.modulith.ApplicationModule;
