-- Callers who reported a problem that was already reported: added to the open case instead of opening a duplicate.
-- customer_id is empty for an anonymous caller (the report still counts).
CREATE TABLE case_reporter (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  case_id     BIGINT       NOT NULL,
  customer_id BIGINT,
  channel     VARCHAR(20)  NOT NULL,
  added_at    DATETIME(3)  NOT NULL,
  added_by    VARCHAR(64)  NOT NULL,
  CONSTRAINT fk_case_reporter_case FOREIGN KEY (case_id) REFERENCES service_request (id),
  CONSTRAINT fk_case_reporter_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
);
CREATE INDEX ix_case_reporter_case ON case_reporter (case_id);
CREATE INDEX ix_case_reporter_customer ON case_reporter (customer_id);

-- Open cases of a service near a point: a bounding box on latitude within one service, then the exact distance.
CREATE INDEX ix_service_request_location ON service_request (service_code, latitude, longitude);
