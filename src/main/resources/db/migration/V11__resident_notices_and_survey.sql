-- Residents' notices: one notice per milestone per case and recipient (dedupe_key, e.g. "resolved:0" for the first
-- resolution, "resolved:1" after one reopening), each customer's opt-out link, and the follow-up survey.
ALTER TABLE notification ADD COLUMN dedupe_key VARCHAR(64);
CREATE UNIQUE INDEX uq_notification_dedupe ON notification (case_id, recipient, dedupe_key);

-- A customer's notice subscription: the token of their opt-out link, and whether they opted out.
CREATE TABLE notice_subscription (
  customer_id  BIGINT       NOT NULL PRIMARY KEY,
  token        VARCHAR(64)  NOT NULL,
  opted_out    BOOLEAN      NOT NULL DEFAULT FALSE,
  created_at   DATETIME(3)  NOT NULL,
  changed_at   DATETIME(3)  NOT NULL,
  CONSTRAINT uq_notice_subscription_token UNIQUE (token),
  CONSTRAINT fk_notice_subscription_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
);

-- The follow-up survey after a resolution: one-use link (only the SHA-256 of its token is kept), and the answer,
-- with the case's service and department at the time, for the KPIs.
CREATE TABLE survey (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  case_id       BIGINT        NOT NULL,
  customer_id   BIGINT,
  service_code  VARCHAR(64)   NOT NULL,
  department    VARCHAR(64),
  token_hash    CHAR(64)      NOT NULL,
  created_at    DATETIME(3)   NOT NULL,
  expires_at    DATETIME(3)   NOT NULL,
  answered_at   DATETIME(3),
  rating        INT,
  fixed         BOOLEAN,
  comment       TEXT,
  reopened      BOOLEAN,
  CONSTRAINT uq_survey_token_hash UNIQUE (token_hash),
  CONSTRAINT fk_survey_case FOREIGN KEY (case_id) REFERENCES service_request (id)
);
CREATE INDEX ix_survey_answered ON survey (answered_at, service_code);
CREATE INDEX ix_survey_case ON survey (case_id);
