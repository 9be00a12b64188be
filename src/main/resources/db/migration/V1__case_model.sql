-- OneStop's own case model. Portable SQL for H2 and MySQL 8 / MariaDB 10.11; long texts are TEXT because
-- a utf8mb4 row holds at most 65,535 bytes. Camunda's tables live beside these; the engine holds only ids and routing variables.

CREATE TABLE customer (
  id                BIGINT AUTO_INCREMENT PRIMARY KEY,
  name              VARCHAR(200) NOT NULL,
  phone             VARCHAR(40),
  phone_digits      VARCHAR(20),
  email             VARCHAR(254),
  address           VARCHAR(300),
  preferred_channel VARCHAR(20)  NOT NULL,
  created_at        DATETIME(3)  NOT NULL,
  updated_at        DATETIME(3)  NOT NULL,
  version           BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX ix_customer_phone_digits ON customer (phone_digits);
CREATE INDEX ix_customer_email ON customer (email);
CREATE INDEX ix_customer_name ON customer (name);

CREATE TABLE service_request (
  id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
  reference           VARCHAR(24),
  service_code        VARCHAR(64)   NOT NULL,
  channel             VARCHAR(20)   NOT NULL,
  customer_id         BIGINT,
  description         TEXT,
  address             VARCHAR(300),
  latitude            DECIMAL(9,6),
  longitude           DECIMAL(9,6),
  ward                VARCHAR(64),
  answers             TEXT,
  status              VARCHAR(32)   NOT NULL,
  priority            VARCHAR(16),
  department          VARCHAR(64),
  escalation_group    VARCHAR(64),
  escalated           BOOLEAN       NOT NULL DEFAULT FALSE,
  acknowledge_by      DATETIME(3),
  resolve_by          DATETIME(3),
  resolution          TEXT,
  process_instance_id VARCHAR(64),
  created_by          VARCHAR(64),
  created_at          DATETIME(3)   NOT NULL,
  acknowledged_at     DATETIME(3),
  resolved_at         DATETIME(3),
  closed_at           DATETIME(3),
  updated_at          DATETIME(3)   NOT NULL,
  version             BIGINT        NOT NULL DEFAULT 0,
  CONSTRAINT uq_service_request_reference UNIQUE (reference),
  CONSTRAINT fk_service_request_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
);
CREATE INDEX ix_service_request_status ON service_request (status);
CREATE INDEX ix_service_request_service ON service_request (service_code, status);
CREATE INDEX ix_service_request_department ON service_request (department, status);
CREATE INDEX ix_service_request_ward ON service_request (ward, status);
CREATE INDEX ix_service_request_resolve_by ON service_request (resolve_by);
CREATE INDEX ix_service_request_created ON service_request (created_at);

CREATE TABLE case_event (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  case_id     BIGINT        NOT NULL,
  occurred_at DATETIME(3)   NOT NULL,
  type        VARCHAR(32)   NOT NULL,
  visibility  VARCHAR(16)   NOT NULL,
  actor       VARCHAR(100),
  status      VARCHAR(32),
  message     TEXT,
  CONSTRAINT fk_case_event_case FOREIGN KEY (case_id) REFERENCES service_request (id)
);
CREATE INDEX ix_case_event_case ON case_event (case_id, occurred_at);
