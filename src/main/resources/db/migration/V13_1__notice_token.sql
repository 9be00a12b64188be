-- Opt-out links: every notice carries a token of its own and only the token's SHA-256 is kept, like the survey's.
-- V13_2 moves the tokens of links already sent here (hashed), so those links keep working; V13_3 drops the clear ones.
CREATE TABLE notice_token (
  token_hash   CHAR(64)      NOT NULL PRIMARY KEY,
  customer_id  BIGINT        NOT NULL,
  created_at   DATETIME(3)   NOT NULL,
  CONSTRAINT fk_notice_token_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
);
CREATE INDEX ix_notice_token_customer ON notice_token (customer_id);
CREATE INDEX ix_notice_token_created ON notice_token (created_at);
