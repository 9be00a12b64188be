-- The survey rollup per calendar month: kpi_survey_day's rows added up per month (same department and service),
-- rebuilt by the rollup's pass after the days of the surveys issued or answered since its last pass, before its
-- watermark moves; filled here from kpi_survey_day. A period's whole months with no day changed since then are read
-- from here (a row of a service a month instead of one a day), the other days from kpi_survey_day and the days changed
-- from the surveys. (See survey/SurveyRollup.)
CREATE TABLE kpi_survey_month (
  on_month       DATE         NOT NULL,
  department     VARCHAR(64)  NOT NULL,
  service_code   VARCHAR(100) NOT NULL,
  issued         BIGINT       NOT NULL,
  answered       BIGINT       NOT NULL,
  rating_sum     BIGINT       NOT NULL,
  fixed          BIGINT       NOT NULL,
  effort_answers BIGINT       NOT NULL,
  effort_sum     BIGINT       NOT NULL,
  easy           BIGINT       NOT NULL,
  PRIMARY KEY (on_month, department, service_code)
);

INSERT INTO kpi_survey_month (on_month, department, service_code, issued, answered, rating_sum, fixed, effort_answers, effort_sum, easy)
SELECT on_month, department, service_code, SUM(issued), SUM(answered), SUM(rating_sum), SUM(fixed), SUM(effort_answers), SUM(effort_sum),
       SUM(easy)
FROM (SELECT CAST(CONCAT(YEAR(on_day), '-', LPAD(MONTH(on_day), 2, '0'), '-01') AS DATE) AS on_month, department, service_code, issued,
             answered, rating_sum, fixed, effort_answers, effort_sum, easy
      FROM kpi_survey_day) survey_days
GROUP BY on_month, department, service_code;
