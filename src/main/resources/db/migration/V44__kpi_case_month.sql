-- The case rollup per calendar month: kpi_case_day's rows added up per month (same dimension, department and group),
-- rebuilt by the rollup's pass after the days of the cases changed since its last pass, before as_of moves on. A
-- period's whole months with no day changed since then are read from here (12 rows of a group for a year instead of
-- 365); the other days from kpi_case_day, and the days changed from the cases. (See cases/CaseRollup.)
CREATE TABLE kpi_case_month (
  dimension                VARCHAR(16)  NOT NULL,
  on_month                 DATE         NOT NULL,
  department               VARCHAR(64)  NOT NULL,
  group_key                VARCHAR(100) NOT NULL,
  received                 BIGINT       NOT NULL,
  acknowledged             BIGINT       NOT NULL,
  acknowledge_seconds      BIGINT       NOT NULL,
  acknowledge_due          BIGINT       NOT NULL,
  acknowledged_in_time     BIGINT       NOT NULL,
  resolved                 BIGINT       NOT NULL,
  resolve_seconds          BIGINT       NOT NULL,
  business_measured        BIGINT       NOT NULL,
  resolve_business_seconds BIGINT       NOT NULL,
  resolve_due              BIGINT       NOT NULL,
  resolved_in_time         BIGINT       NOT NULL,
  open_now                 BIGINT       NOT NULL,
  transfers                BIGINT       NOT NULL,
  transferred              BIGINT       NOT NULL,
  reopened                 BIGINT       NOT NULL,
  resolved_once            BIGINT       NOT NULL,
  PRIMARY KEY (dimension, on_month, department, group_key)
);

-- The next pass rebuilds every day and month (until then the figures are counted from the cases, exact as always).
UPDATE kpi_rollup_state SET as_of = NULL WHERE id = 1;

-- A department's overdue cases, the most recently overdue first (the departmental scorecard's list): read along the
-- department's resolve-by dates from now backwards, instead of sorting all its open cases.
CREATE INDEX ix_service_request_department_resolve_by ON service_request (department, resolve_by);
