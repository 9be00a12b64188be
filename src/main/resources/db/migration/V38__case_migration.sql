-- Who moved which running cases of a service from one version of its process to another, and when: one row per
-- "try on one case" (case_reference set) and per "move all" (batch_id: the engine's batch, which reports progress).
CREATE TABLE case_migration (
  id                    BIGINT AUTO_INCREMENT PRIMARY KEY,
  service_code          VARCHAR(64)  NOT NULL,
  process_key           VARCHAR(255) NOT NULL,
  source_version        INT          NOT NULL,
  target_version        INT          NOT NULL,
  target_definition_id  VARCHAR(64)  NOT NULL,
  case_reference        VARCHAR(64),
  cases                 INT          NOT NULL,
  batch_id              VARCHAR(64),
  started_by            VARCHAR(64)  NOT NULL,
  started_at            DATETIME(3)  NOT NULL
);
CREATE INDEX ix_case_migration_service ON case_migration (service_code, started_at);
