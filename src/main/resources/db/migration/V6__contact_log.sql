-- Every contact the contact centre handles (call, visit, e-mail, …), whether it ended in an answer, a case or
-- an update to one. Contacts resolved on first contact (an answer from the knowledge base) feed the FCR KPI.
CREATE TABLE contact (
  id                       BIGINT AUTO_INCREMENT PRIMARY KEY,
  customer_id              BIGINT,
  channel                  VARCHAR(20)  NOT NULL,
  topic                    VARCHAR(200) NOT NULL,
  service_code             VARCHAR(64),
  outcome                  VARCHAR(32)  NOT NULL,
  first_contact_resolution BOOLEAN      NOT NULL DEFAULT FALSE,
  article_id               BIGINT,
  case_reference           VARCHAR(24),
  agent                    VARCHAR(64)  NOT NULL,
  started_at               DATETIME(3)  NOT NULL,
  ended_at                 DATETIME(3)  NOT NULL,
  handle_seconds           INT          NOT NULL,
  notes                    TEXT,
  CONSTRAINT fk_contact_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
);
CREATE INDEX ix_contact_customer ON contact (customer_id, started_at);
CREATE INDEX ix_contact_started ON contact (started_at);
CREATE INDEX ix_contact_case ON contact (case_reference);
