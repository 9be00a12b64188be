-- Finding the caller fast, and the knowledge base the contact centre answers from.

-- Caller search. A phone number is found by all its digits, by its first digits or by its last digits
-- (the local number without the area code): the digits reversed make a suffix search an index range scan too.
ALTER TABLE customer ADD COLUMN phone_digits_reversed VARCHAR(20);
-- Which version of the search terms a customer was indexed with (0 = not yet; OneStop indexes such rows at startup).
ALTER TABLE customer ADD COLUMN search_version INT NOT NULL DEFAULT 0;
CREATE INDEX ix_customer_phone_reversed ON customer (phone_digits_reversed);
CREATE INDEX ix_customer_search_version ON customer (search_version);

-- One row per lower-case word of a customer's name, address and e-mail user name: "jane res" and "14 bay" are
-- prefix searches on this index, whatever the order of the words.
CREATE TABLE customer_search_term (
  customer_id BIGINT      NOT NULL,
  term        VARCHAR(40) NOT NULL,
  CONSTRAINT pk_customer_search_term PRIMARY KEY (customer_id, term),
  CONSTRAINT fk_customer_search_term_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
);
CREATE INDEX ix_customer_search_term ON customer_search_term (term, customer_id);

-- A customer's cases, newest first, without sorting all of them.
CREATE INDEX ix_service_request_customer ON service_request (customer_id, created_at);

-- The knowledge base: one article per service (the A to Z), response guidelines for agents, and FAQs.
-- resolution: "answer" = the agent resolves the contact by answering; "case" = open a case for service_code.
CREATE TABLE kb_article (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  topic        VARCHAR(20)  NOT NULL,
  title        VARCHAR(200) NOT NULL,
  service_code VARCHAR(64),
  summary      VARCHAR(500) NOT NULL,
  body         TEXT         NOT NULL,
  keywords     VARCHAR(500),
  resolution   VARCHAR(16)  NOT NULL,
  created_at   DATETIME(3)  NOT NULL,
  updated_at   DATETIME(3)  NOT NULL,
  updated_by   VARCHAR(64)  NOT NULL,
  version      BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX ix_kb_article_topic ON kb_article (topic, title);
CREATE INDEX ix_kb_article_service ON kb_article (service_code);
