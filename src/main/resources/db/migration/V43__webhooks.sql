-- Outgoing webhooks (README "For integrators: work orders and webhooks"). A subscription is a back-office system's
-- URL, the case events it wants and the secret that signs each body (HMAC-SHA256): kept as given, since signing
-- needs it, and never returned after its creation. Deleting a subscription deactivates it and keeps its deliveries.
CREATE TABLE webhook_subscription (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  url         VARCHAR(2000) NOT NULL,
  secret      VARCHAR(200)  NOT NULL,
  events      VARCHAR(1000) NOT NULL,
  description VARCHAR(200),
  active      BOOLEAN       NOT NULL,
  created_at  DATETIME(3)   NOT NULL,
  created_by  VARCHAR(64)   NOT NULL,
  deleted_at  DATETIME(3),
  deleted_by  VARCHAR(64)
);

-- The outbox: one delivery per subscription and case event, written in the transaction that wrote the event, sent by
-- a scheduled sender that claims each one (one node only), retried with a growing delay up to a number of attempts.
CREATE TABLE webhook_delivery (
  id               BIGINT AUTO_INCREMENT PRIMARY KEY,
  subscription_id  BIGINT        NOT NULL,
  case_id          BIGINT        NOT NULL,
  case_event_id    BIGINT        NOT NULL,
  event            VARCHAR(40)   NOT NULL,
  body             VARCHAR(4000) NOT NULL,
  status           VARCHAR(20)   NOT NULL,
  attempts         INT           NOT NULL,
  next_attempt_at  DATETIME(3)   NOT NULL,
  claimed_by       VARCHAR(100),
  claimed_at       DATETIME(3),
  created_at       DATETIME(3)   NOT NULL,
  delivered_at     DATETIME(3),
  CONSTRAINT fk_webhook_delivery_subscription FOREIGN KEY (subscription_id) REFERENCES webhook_subscription (id),
  CONSTRAINT uq_webhook_delivery UNIQUE (subscription_id, case_event_id)
);
CREATE INDEX ix_webhook_delivery_due ON webhook_delivery (status, next_attempt_at);

-- Every attempt at a delivery: when, the HTTP status the endpoint answered (none when it could not be reached), the
-- error, and how long it took.
CREATE TABLE webhook_attempt (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  delivery_id  BIGINT        NOT NULL,
  attempt      INT           NOT NULL,
  attempted_at DATETIME(3)   NOT NULL,
  status_code  INT,
  error        VARCHAR(1000),
  duration_ms  BIGINT        NOT NULL,
  CONSTRAINT fk_webhook_attempt_delivery FOREIGN KEY (delivery_id) REFERENCES webhook_delivery (id)
);
CREATE INDEX ix_webhook_attempt_delivery ON webhook_attempt (delivery_id);
