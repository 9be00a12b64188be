-- The departmental scorecard's overdue list (the department's open cases past their resolve-by, most recently overdue
-- first, the first 100) on H2: read along this index in its order (ORDER BY department DESC, resolve_by DESC, id DESC),
-- stopping at the 100th open case (about 350 index entries at 1,000,000 cases). With V44's (department, resolve_by) H2
-- read all the department's cases past their date and sorted them (300,000 at 1,000,000 cases: 9 s). MySQL/MariaDB
-- read V44's index or resolve_by's backwards for ORDER BY resolve_by DESC, id DESC (CaseService#overdue).
CREATE INDEX ix_service_request_department_overdue ON service_request (department DESC, resolve_by DESC, id DESC);
