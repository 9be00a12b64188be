-- The secret behind residents' own status links (/status/{reference}?key=…, the key an HMAC of the reference under
-- it). One row, written once by the first node to start (a second node's insert of id 1 fails and it reads this one),
-- unless onestop.status-links.secret is configured. Changing it invalidates every link already sent.
CREATE TABLE status_link_secret (
  id          INT          NOT NULL PRIMARY KEY,
  secret      VARCHAR(64)  NOT NULL,
  created_at  DATETIME(3)  NOT NULL,
  CONSTRAINT ck_status_link_secret_one_row CHECK (id = 1)
);
