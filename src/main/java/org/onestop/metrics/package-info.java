/**
 * OneStop's own meters for Prometheus (Micrometer, served by Actuator at {@code /actuator/prometheus} beside the
 * platform's HTTP, JVM, pool and Tomcat meters): counters driven by the features' events once their transaction
 * committed, and gauges read from a snapshot of the database refreshed on a schedule, never per scrape. Labels are
 * bounded (service code, channel, department, limit name, outcome): never a reference, a person or an address. The
 * README's "Metrics" lists each meter. It observes the features and nothing depends on it.
 */
@ApplicationModule(allowedDependencies = {"cases", "departments", "notifications", "web"})
package org.onestop.metrics;

import org.springframework.modulith.ApplicationModule;
