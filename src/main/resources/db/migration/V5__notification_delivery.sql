-- Delivery bookkeeping for the outbox: when the next attempt is due, and which node holds a notice while sending it.
ALTER TABLE notification ADD COLUMN next_attempt_at DATETIME(3);
ALTER TABLE notification ADD COLUMN claimed_by VARCHAR(100);
ALTER TABLE notification ADD COLUMN claimed_at DATETIME(3);
UPDATE notification SET next_attempt_at = created_at WHERE next_attempt_at IS NULL;
CREATE INDEX ix_notification_due ON notification (status, next_attempt_at);
