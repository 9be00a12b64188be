-- Photos residents attach to their reports: re-encoded on upload (so no EXIF or GPS metadata survives) and
-- kept here with the case. LONGBLOB: MariaDB's BLOB holds only 64 KB; H2 accepts LONGBLOB as a BLOB.
CREATE TABLE case_photo (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  case_id      BIGINT       NOT NULL,
  content_type VARCHAR(40)  NOT NULL,
  bytes        LONGBLOB     NOT NULL,
  width        INT          NOT NULL,
  height       INT          NOT NULL,
  size         BIGINT       NOT NULL,
  created_at   DATETIME(3)  NOT NULL,
  CONSTRAINT fk_case_photo_case FOREIGN KEY (case_id) REFERENCES service_request (id)
);
CREATE INDEX ix_case_photo_case ON case_photo (case_id, id);
