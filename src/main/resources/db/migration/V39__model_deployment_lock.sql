-- One row that OneStop's start-up deployment of its bundled models (models/BundledModels) locks (select ... for update)
-- while it decides what to deploy and deploys it, so that of two nodes starting together only the first deploys a
-- changed file; the second then finds it deployed. The engine's own deployment lock covers only the deployment itself.
create table model_deployment_lock (
    id int not null primary key
);
insert into model_deployment_lock (id) values (1);
