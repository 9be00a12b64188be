-- Who is on standby for a department, and when: the on-call roster supervisors keep.
CREATE TABLE on_call_shift (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  department  VARCHAR(64)  NOT NULL,
  user_id     VARCHAR(64)  NOT NULL,
  starts_on   DATE         NOT NULL,
  ends_on     DATE         NOT NULL,
  created_by  VARCHAR(64)  NOT NULL,
  created_at  DATETIME(3)  NOT NULL
);
CREATE INDEX ix_on_call_shift_department ON on_call_shift (department, starts_on, ends_on);
