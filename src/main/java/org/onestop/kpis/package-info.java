/**
 * The city's performance measures (KPIs), each defined once ({@link org.onestop.kpis.Measure}, and the README's
 * "Performance measures"), computed for a period in the city's time zone, overall and per department, service, ward or
 * channel, from grouped queries that each owning feature answers: the cases ({@code CaseFigures}), the contact log
 * ({@code ContactFigures}) and the follow-up survey ({@code SurveyService#participation}). Who sees which figures is
 * the access policy's ({@code CaseAccessPolicy#kpis}). The figures never name a case or a person. The staff scorecards
 * ({@code ScorecardPages}) show them against their targets ({@code Targets}) for the reach the policy's
 * {@code scorecards} rule gives; a department's overdue list is the one place a case is named, filtered by the case reach.
 */
@ApplicationModule(allowedDependencies = {"access", "cases", "catalogue", "city", "customers", "departments", "survey"})
package org.onestop.kpis;

import org.springframework.modulith.ApplicationModule;
