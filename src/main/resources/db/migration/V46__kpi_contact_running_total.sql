-- The contact rollup's running total: for each month, kpi_contact_month's rows of that month and every month before it
-- added up (same dimension, group, channel and handle-time bucket). A run of whole months [A, B) is then the total at
-- the month before B less the total at the month before A: two months' rows read in one statement, however long the
-- run, where kpi_contact_month gives one month's rows per month (by service, about 9,000 rows a month at 3,000,000
-- contacts a year, so a 12-month breakdown read and grouped 100,000 rows). Rebuilt by the rollup's pass, in one
-- transaction, from the first month it rebuilt to the last (and from the first month when it is empty, as after this
-- migration), after the months and before the watermark moves. (See customers/ContactRollup.)
CREATE TABLE kpi_contact_total (
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
