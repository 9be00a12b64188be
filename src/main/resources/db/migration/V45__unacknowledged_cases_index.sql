-- The cases not acknowledged yet whose acknowledge-by falls in a span of time (the KPIs' cases falling due today before
-- now, CaseRollup#dueToday), read along this index: without it H2 read every unacknowledged case received in the period
-- through ix_service_request_ack_created for each section (seconds for a year at 1,000,000 cases).
CREATE INDEX ix_service_request_unacknowledged ON service_request (acknowledged_at, acknowledge_by);
