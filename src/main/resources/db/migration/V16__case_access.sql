-- The case-access policy: department staff read the cases their department holds or held. Every department a case
-- was ever routed or transferred to is kept here (the current one is also service_request.department).
CREATE TABLE case_department (
  case_id     BIGINT       NOT NULL,
  department  VARCHAR(64)  NOT NULL,
  since       DATETIME(3)  NOT NULL,
  PRIMARY KEY (case_id, department),
  CONSTRAINT fk_case_department_case FOREIGN KEY (case_id) REFERENCES service_request (id)
);
CREATE INDEX ix_case_department_department ON case_department (department, case_id);
INSERT INTO case_department (case_id, department, since)
  SELECT id, department, created_at FROM service_request WHERE department IS NOT NULL;

-- A councillor's office reads the cases it opened, and the customers it recorded.
CREATE INDEX ix_service_request_created_by ON service_request (created_by);
ALTER TABLE customer ADD COLUMN created_by VARCHAR(64);
