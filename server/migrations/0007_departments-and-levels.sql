-- Up Migration
-- Who handles a case and where it is settled (docs/api.md, "Departments and levels"): the functional departments
-- the command centre hands cases to ("网格吹哨、部门报到"), and on each case its department, assignee, the level it
-- was settled at, its steps up the ladder and its supervision (督办). Escalations and supervision are kept as the
-- contract writes them (times as text in UTC+8), as stage_times is, so the case feature is built without reformatting.
CREATE TABLE departments (
  id text PRIMARY KEY,
  name text NOT NULL,
  categories text[] NOT NULL DEFAULT '{}',
  sort integer NOT NULL DEFAULT 0
);

ALTER TABLE cases
  ADD COLUMN department text REFERENCES departments (id),
  ADD COLUMN assignee text,
  ADD COLUMN resolved_at_level text CHECK (resolved_at_level IN ('grid', 'community', 'street', 'district', 'city')),
  ADD COLUMN escalations jsonb NOT NULL DEFAULT '[]',
  ADD COLUMN supervision jsonb,
  ADD CONSTRAINT cases_level_when_closed CHECK (resolved_at_level IS NULL OR status = 'closed');
CREATE INDEX cases_department ON cases (department, reported_at) WHERE department IS NOT NULL;

-- The department list is the city's, the same for every scope: read by every role that reads cases.
GRANT SELECT ON departments TO gridboard_app;

CREATE OR REPLACE FUNCTION case_feature(c cases) RETURNS json LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT json_build_object(
    'type', 'Feature',
    'geometry', json_build_object('type', 'Point', 'coordinates', json_build_array(ST_X(c.geom), ST_Y(c.geom))),
    'properties', json_build_object(
      'id', c.id, 'title', c.title, 'channel', c.channel, 'category', c.category, 'status', c.status,
      'reportedAt', contract_time(c.reported_at), 'dueAt', contract_time(c.due_at),
      'closedAt', contract_time(c.closed_at), 'resolved', c.resolved, 'satisfaction', c.satisfaction,
      'gridId', c.grid_id, 'stageTimes', c.stage_times,
      'department', c.department, 'assignee', c.assignee, 'resolvedAtLevel', c.resolved_at_level,
      'escalations', c.escalations, 'supervision', c.supervision))
$$;

-- Down Migration
CREATE OR REPLACE FUNCTION case_feature(c cases) RETURNS json LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT json_build_object(
    'type', 'Feature',
    'geometry', json_build_object('type', 'Point', 'coordinates', json_build_array(ST_X(c.geom), ST_Y(c.geom))),
    'properties', json_build_object(
      'id', c.id, 'title', c.title, 'channel', c.channel, 'category', c.category, 'status', c.status,
      'reportedAt', contract_time(c.reported_at), 'dueAt', contract_time(c.due_at),
      'closedAt', contract_time(c.closed_at), 'resolved', c.resolved, 'satisfaction', c.satisfaction,
      'gridId', c.grid_id, 'stageTimes', c.stage_times))
$$;
ALTER TABLE cases
  DROP CONSTRAINT cases_level_when_closed,
  DROP COLUMN supervision,
  DROP COLUMN escalations,
  DROP COLUMN resolved_at_level,
  DROP COLUMN assignee,
  DROP COLUMN department;
DROP TABLE departments;
