-- Open311 GeoReport v2: the apps allowed to post requests, and what an app sent with a request that the case model
-- does not hold. An API key is stored only as its SHA-256 hash; the key itself is shown once, when it is issued.
CREATE TABLE api_key (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  app_name     VARCHAR(200) NOT NULL,
  contact      VARCHAR(254) NOT NULL,
  key_hash     CHAR(64)     NOT NULL,
  key_prefix   VARCHAR(16)  NOT NULL,
  created_at   DATETIME(3)  NOT NULL,
  created_by   VARCHAR(64)  NOT NULL,
  revoked_at   DATETIME(3),
  revoked_by   VARCHAR(64),
  last_used_at DATETIME(3),
  CONSTRAINT uq_api_key_hash UNIQUE (key_hash)
);

-- One row per case that came in through Open311 (the case itself is in service_request).
CREATE TABLE open311_request (
  case_id     BIGINT        NOT NULL PRIMARY KEY,
  api_key_id  BIGINT        NOT NULL,
  media_url   VARCHAR(1000),
  address_id  VARCHAR(64),
  device_id   VARCHAR(128),
  account_id  VARCHAR(128),
  CONSTRAINT fk_open311_request_case FOREIGN KEY (case_id) REFERENCES service_request (id),
  CONSTRAINT fk_open311_request_key FOREIGN KEY (api_key_id) REFERENCES api_key (id)
);
CREATE INDEX ix_open311_request_key ON open311_request (api_key_id);

-- Open311's updated_after / updated_before filters.
CREATE INDEX ix_service_request_updated ON service_request (updated_at);
