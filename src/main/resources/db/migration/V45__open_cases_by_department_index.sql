-- The metrics' count of open and overdue cases per department (MetricsSnapshot, every 30 s on every node:
-- ServiceRequests#countByDepartment) reads this index alone, a range of the open statuses, instead of looking up the
-- row of every open case found through ix_service_request_status (at 1,000,000 cases that took up to 2.9 s under load,
-- competing with the requests). ix_service_request_status stays: it is this index's prefix, but dropping an index is
-- written differently on H2 and MySQL/MariaDB, and one migration serves both.
CREATE INDEX ix_service_request_status_department_due ON service_request (status, department, resolve_by);
