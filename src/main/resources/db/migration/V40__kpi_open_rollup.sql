-- The KPIs at a million cases (see the README, "Benchmark: KPIs at scale").

-- What the "now" counts need of the cases received on a day (in the city's time zone) × department × one grouping (as
-- kpi_case_day), per day due: the unacknowledged cases with an acknowledge-by on that day (cancelled and duplicates left
-- out), and the open cases with a resolve-by on that day (all of them: overdue; not resolved before: counted against
-- the standard). A reader adds up the days due before today and counts what falls due today, before now, from the
-- cases. Kept by the same job and in the same transaction as kpi_case_day (cases/CaseRollup), read the same way.
CREATE TABLE kpi_case_due (
  dimension       VARCHAR(16)  NOT NULL,
  on_day          DATE         NOT NULL,
  department      VARCHAR(64)  NOT NULL,
  group_key       VARCHAR(100) NOT NULL,
  due_day         DATE         NOT NULL,
  ack_pending     BIGINT       NOT NULL,
  resolve_pending BIGINT       NOT NULL,
  open_due        BIGINT       NOT NULL,
  PRIMARY KEY (dimension, on_day, department, group_key, due_day)
);
-- What falls due today, before now (the rest of the "now" counts; resolve_by has its index since V1).
CREATE INDEX ix_service_request_ack_by ON service_request (acknowledge_by);

-- kpi_contact_day added up per calendar month (on_month: its first day), rebuilt after the days of the month: a
-- period's whole months are read from here, its other days from kpi_contact_day.
CREATE TABLE kpi_contact_month (
  dimension      VARCHAR(16)  NOT NULL,
  on_month       DATE         NOT NULL,
  group_key      VARCHAR(100) NOT NULL,
  channel        VARCHAR(20)  NOT NULL,
  bucket         INT          NOT NULL,
  contacts       BIGINT       NOT NULL,
  first_contact  BIGINT       NOT NULL,
  handle_seconds BIGINT       NOT NULL,
  PRIMARY KEY (dimension, on_month, group_key, channel, bucket)
);

-- The survey figures per day issued × department × service (an empty string: none), kept by survey/SurveyRollup
-- (row 3 of kpi_rollup_state): the days of the surveys issued or answered since its last pass are rebuilt, and counted
-- from the surveys by a reader until they are.
CREATE TABLE kpi_survey_day (
  on_day         DATE         NOT NULL,
  department     VARCHAR(64)  NOT NULL,
  service_code   VARCHAR(100) NOT NULL,
  issued         BIGINT       NOT NULL,
  answered       BIGINT       NOT NULL,
  rating_sum     BIGINT       NOT NULL,
  fixed          BIGINT       NOT NULL,
  effort_answers BIGINT       NOT NULL,
  effort_sum     BIGINT       NOT NULL,
  easy           BIGINT       NOT NULL,
  PRIMARY KEY (on_day, department, service_code)
);
-- (the surveys answered since the last pass: ix_survey_answered, V11)
INSERT INTO kpi_rollup_state (id) VALUES (3);

-- The case and contact rollups start again (their next pass rebuilds every day, with kpi_case_due and the months;
-- until then the figures are counted from the cases and the contact log, exact as ever).
DELETE FROM kpi_case_day;
UPDATE kpi_rollup_state SET as_of = NULL WHERE id = 1;
DELETE FROM kpi_contact_day;
UPDATE kpi_rollup_state SET watermark = NULL WHERE id = 2;
