/**
 * Open data: {@code /open-data/requests.csv} and {@code /open-data/requests.json}, every case of a public service
 * without personal data (the GeoReport v2 fields Open311's GET requests shows, less the free text, plus the dates, the
 * standard and whether it was met), written to files by a job at least daily and streamed from them, with
 * Last-Modified and ETag. Which cases may be listed is the access policy's ({@code CaseAccessPolicy#publicFigures}).
 */
@ApplicationModule(allowedDependencies = {"access", "cases", "catalogue", "city", "departments", "shared", "standards"})
package org.onestop.opendata;

import org.springframework.modulith.ApplicationModule;
