-- Retention of residents' personal data (MFIPPA): when a case or a contact was anonymised (so that the nightly pass
-- leaves it alone from then on), and the lease that lets one node of a cluster run the pass at a time.
ALTER TABLE service_request ADD COLUMN anonymised_at DATETIME(3);
CREATE INDEX ix_service_request_anonymised ON service_request (anonymised_at, closed_at);
ALTER TABLE contact ADD COLUMN anonymised_at DATETIME(3);
CREATE INDEX ix_contact_anonymised ON contact (anonymised_at, started_at);

-- One row per job; a node holds it while locked_until is ahead (taken with a conditional UPDATE).
CREATE TABLE retention_lock (
  name         VARCHAR(32)   NOT NULL PRIMARY KEY,
  locked_until DATETIME(3)   NOT NULL,
  locked_by    VARCHAR(100)
);
INSERT INTO retention_lock (name, locked_until) VALUES ('retention', '1970-01-01 00:00:00');
