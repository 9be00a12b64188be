-- A phone number, e-mail address, name, address or contact preference given at intake that differs from what the
-- customer has on record. It never replaces the recorded one by itself: an agent chooses on the caller's page
-- ("Use this instead" or "Dismiss"); until then notices keep going to the recorded details.
CREATE TABLE customer_detail_to_confirm (
  id             BIGINT AUTO_INCREMENT PRIMARY KEY,
  customer_id    BIGINT       NOT NULL,
  kind           VARCHAR(20)  NOT NULL,
  detail_value   VARCHAR(300) NOT NULL,
  -- The door it came in by (phone, web, app…) and, when it came with a case, the case's reference.
  channel        VARCHAR(20),
  case_reference VARCHAR(24),
  given_at       DATETIME(3)  NOT NULL,
  -- Personal data: it goes with the customer.
  CONSTRAINT fk_customer_detail_to_confirm_customer FOREIGN KEY (customer_id) REFERENCES customer (id) ON DELETE CASCADE
);
CREATE INDEX ix_customer_detail_to_confirm_customer ON customer_detail_to_confirm (customer_id, id);
