-- Notices to send, written in the same transaction as the change they announce (the outbox).
-- One row per milestone (case event) and recipient; a sender delivers them and records the result.
CREATE TABLE notification (
  id              BIGINT AUTO_INCREMENT PRIMARY KEY,
  case_id         BIGINT        NOT NULL,
  case_event_id   BIGINT        NOT NULL,
  channel         VARCHAR(16)   NOT NULL,
  recipient       VARCHAR(254)  NOT NULL,
  subject         VARCHAR(300)  NOT NULL,
  body            TEXT          NOT NULL,
  status          VARCHAR(16)   NOT NULL,
  attempts        INT           NOT NULL DEFAULT 0,
  created_at      DATETIME(3)   NOT NULL,
  sent_at         DATETIME(3),
  last_error      VARCHAR(1000),
  CONSTRAINT uq_notification_event_recipient UNIQUE (case_event_id, recipient),
  CONSTRAINT fk_notification_case FOREIGN KEY (case_id) REFERENCES service_request (id)
);
CREATE INDEX ix_notification_status ON notification (status, created_at);
