-- Time to resolve in business time (office hours on business days, onestop.calendar.*), in seconds: received ->
-- resolved, computed once when the case is resolved (cleared when it is reopened) so that the KPIs add up a column.
-- Cases resolved before this column existed are filled in at start-up (cases/BusinessTimeBackfill): office hours
-- and holidays are configuration, which SQL does not know.
ALTER TABLE service_request ADD COLUMN resolve_business_seconds BIGINT;
