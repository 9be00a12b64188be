-- The city's departments as data: administrators add and change them at /admin/departments and /api/departments,
-- every node picks a change up within a minute (it compares COUNT(*) and MAX(revision) with what it loaded). The empty
-- table is filled on the first start from onestop.departments (application.yaml: Lakeport's nine). Each department is
-- also a Camunda group (id), with <id>-supervisors, <id>-oncall and <id>-head groups.
CREATE TABLE department (
  id          VARCHAR(40)   NOT NULL PRIMARY KEY,
  name        VARCHAR(200)  NOT NULL,
  name_fr     VARCHAR(200),
  phone       VARCHAR(40),
  email       VARCHAR(254),
  description VARCHAR(2000),
  sort_key    INT           NOT NULL,
  revision    BIGINT        NOT NULL,
  updated_at  DATETIME(3)   NOT NULL,
  updated_by  VARCHAR(64)   NOT NULL
);
