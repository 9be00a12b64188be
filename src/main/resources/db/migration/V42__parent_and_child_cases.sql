-- Parent and child cases: staff split a case that needs several departments into child cases, each a case of its own
-- (own reference, service, routing, standard, lifecycle) that names the case it was split from. The parent's lifecycle
-- waits until every child is finished (bpmn/case-lifecycle.bpmn, "Wait for child cases").
ALTER TABLE service_request ADD COLUMN parent_id BIGINT;
CREATE INDEX ix_service_request_parent ON service_request (parent_id);
