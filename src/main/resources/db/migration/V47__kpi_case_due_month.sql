-- The case rollup's "still pending" sums per calendar month: kpi_case_due's rows of the month added up per dimension,
-- department and group, with the latest day due among them (last_due). Whatever was still pending in a month whose
-- last day due is before today counts as due now, whichever day is today, so a period's whole months with no day
-- changed since the last pass and nothing falling due from today on are read from here (a row of a group a month
-- instead of a row per day received and day due: 12 months by service read about 19,000 rows at 1,000,000 cases); the
-- other days from kpi_case_due, filtered by today. Rebuilt by the rollup's pass with kpi_case_month, before as_of moves
-- on; filled here from kpi_case_due. (See cases/CaseRollup.)
CREATE TABLE kpi_case_due_month (
  dimension       VARCHAR(16)  NOT NULL,
  on_month        DATE         NOT NULL,
  department      VARCHAR(64)  NOT NULL,
  group_key       VARCHAR(100) NOT NULL,
  ack_pending     BIGINT       NOT NULL,
  resolve_pending BIGINT       NOT NULL,
  open_due        BIGINT       NOT NULL,
  last_due        DATE         NOT NULL,
  PRIMARY KEY (dimension, on_month, department, group_key)
);

INSERT INTO kpi_case_due_month (dimension, on_month, department, group_key, ack_pending, resolve_pending, open_due, last_due)
SELECT dimension, on_month, department, group_key, SUM(ack_pending), SUM(resolve_pending), SUM(open_due), MAX(due_day)
FROM (SELECT dimension, CAST(CONCAT(YEAR(on_day), '-', LPAD(MONTH(on_day), 2, '0'), '-01') AS DATE) AS on_month,
             department, group_key, ack_pending, resolve_pending, open_due, due_day
      FROM kpi_case_due) due
GROUP BY dimension, on_month, department, group_key;
