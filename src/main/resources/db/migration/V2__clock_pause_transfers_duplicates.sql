-- The standard's clock (business or calendar), when the case started waiting for the customer,
-- how often it was sent to another department, and which case it duplicates.
ALTER TABLE service_request ADD COLUMN standard_clock VARCHAR(16);
ALTER TABLE service_request ADD COLUMN paused_at DATETIME(3);
ALTER TABLE service_request ADD COLUMN transfers INT NOT NULL DEFAULT 0;
ALTER TABLE service_request ADD COLUMN duplicate_of BIGINT;
