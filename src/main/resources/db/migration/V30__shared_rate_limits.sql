-- Rate-limit counters shared by all OneStop nodes (onestop.rate-limit.shared): one fixed window per client, counted
-- with single-row updates, so N nodes together allow a client the limit, not N times it. The client (an address or
-- an API key with the kind of request) is kept only as a SHA-256 hash; windows that ended are deleted.
CREATE TABLE rate_limit_window (
  client        VARCHAR(64)  NOT NULL PRIMARY KEY,
  window_start  BIGINT       NOT NULL,
  hits          INT          NOT NULL
);
CREATE INDEX ix_rate_limit_window_start ON rate_limit_window (window_start);
