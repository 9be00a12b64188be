-- For the process owners' "What is live" page (owners/). An intake that failed on the city's side (its transaction rolled
-- back for anything but the request's own mistake): the service, the door, when, and the error an owner can act on (the
-- exception's class and message and its causes' messages, which name the decision, element or expression that failed,
-- with the request's own texts cut out). Never the answers, the description, an address or a person.
CREATE TABLE intake_failure (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  service_code VARCHAR(64)   NOT NULL,
  channel      VARCHAR(16)   NOT NULL,
  failed_at    DATETIME(3)   NOT NULL,
  reason       VARCHAR(1000) NOT NULL
);
CREATE INDEX ix_intake_failure_service ON intake_failure (service_code, failed_at);

-- Who deployed a deployment (the engine does not record it): written in the deployment's own transaction when a
-- signed-in user deploys (Camunda Modeler, /engine-rest, Cockpit). The auto-deployment at start has no row.
CREATE TABLE model_deployment (
  deployment_id VARCHAR(64)  NOT NULL PRIMARY KEY,
  deployed_by   VARCHAR(255) NOT NULL,
  deployed_at   DATETIME(3)  NOT NULL
);
