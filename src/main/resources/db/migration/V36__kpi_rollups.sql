-- The case figures of the KPIs pre-aggregated per day received (in the time zone of the city) × department × one grouping (the
-- service, the ward or the channel): counts and sums that do not depend on the time they are read (how many were
-- acknowledged, resolved, within standard, open, transferred, reopened; seconds to acknowledge and to resolve). What
-- depends on "now" (overdue, past a due date) is counted from the open and unacknowledged cases when read. A job
-- (cases/CaseRollup) rebuilds the days of the cases changed since its last pass; until it has, a reader counts those
-- days from the cases themselves, so the figures are exact either way. An empty string stands for no department or no ward.
CREATE TABLE kpi_case_day (
  dimension                VARCHAR(16)  NOT NULL,
  on_day                   DATE         NOT NULL,
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
  PRIMARY KEY (dimension, on_day, department, group_key)
);

-- The figures of the contact log per day ended × grouping (the channel, or the service) × channel × handle time, the
-- handle time in buckets (ten seconds up to 10 minutes, a minute up to an hour, then one bucket; each named by its
-- upper bound, so "within an optimum" of a whole ten seconds or minute is exact) with the exact sum of seconds.
CREATE TABLE kpi_contact_day (
  dimension      VARCHAR(16)  NOT NULL,
  on_day         DATE         NOT NULL,
  group_key      VARCHAR(100) NOT NULL,
  channel        VARCHAR(20)  NOT NULL,
  bucket         INT          NOT NULL,
  contacts       BIGINT       NOT NULL,
  first_contact  BIGINT       NOT NULL,
  handle_seconds BIGINT       NOT NULL,
  PRIMARY KEY (dimension, on_day, group_key, channel, bucket)
);

-- Where each rollup stands (1: cases, every case changed before as_of is in it; 2: contacts, every contact up to
-- the watermark id); one node at a time holds the lease of a rollup.
CREATE TABLE kpi_rollup_state (
  id          INT          PRIMARY KEY,
  as_of       DATETIME(3),
  watermark   BIGINT,
  lease_until DATETIME(3),
  holder      VARCHAR(100)
);
INSERT INTO kpi_rollup_state (id) VALUES (1);
INSERT INTO kpi_rollup_state (id) VALUES (2);

-- The open cases and the unacknowledged ones of a period (the cases changed since the last pass of the rollup use
-- ix_service_request_updated, V9).
CREATE INDEX ix_service_request_status_created ON service_request (status, created_at);
CREATE INDEX ix_service_request_ack_created ON service_request (acknowledged_at, created_at);

-- The contacts that ended in a period (the rollup rebuilds a day at a time; a period counted from the log).
CREATE INDEX ix_contact_ended ON contact (ended_at);

-- The surveys issued in a period (the survey measures).
CREATE INDEX ix_survey_created ON survey (created_at);
