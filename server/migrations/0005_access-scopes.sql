-- Up Migration
-- Who may see what (docs/security.md): every request runs in a transaction as `gridboard_app`, a role that owns
-- nothing, so the row-level security policies below apply to it (the owner, which migrates, seeds and LISTENs,
-- bypasses them). The request's identity reaches the policies as transaction-local settings
-- (server/src/auth/scoped-transaction.ts): `gridboard.scope` (a region or grid id: the user sees what lies at or
-- under it on the admin tree), `gridboard.role`, `gridboard.user` and `gridboard.personal` (on: names and phones).
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'gridboard_app') THEN
    CREATE ROLE gridboard_app NOLOGIN;
  END IF;
END
$$;
-- The server connects as the owner and switches with SET LOCAL ROLE; a non-superuser owner needs membership.
GRANT gridboard_app TO CURRENT_USER;

CREATE FUNCTION gridboard_scope() RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT nullif(current_setting('gridboard.scope', true), '')
$$;
CREATE FUNCTION gridboard_role() RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT nullif(current_setting('gridboard.role', true), '')
$$;
CREATE FUNCTION gridboard_user() RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT nullif(current_setting('gridboard.user', true), '')
$$;

-- Names and phones of people: NULL (and so absent from json_strip_nulls objects and from vector tiles) unless
-- the request's role needs them. The wall credential's requests run with it off.
CREATE FUNCTION gridboard_personal(value text) RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN current_setting('gridboard.personal', true) = 'off' THEN NULL ELSE value END
$$;

-- The scope's sets, computed once per statement (policies ask `x IN (SELECT unnest(f()))`, a hashed subplan) by the owner
-- (SECURITY DEFINER), so they read the tree whole whatever the caller may see.
CREATE FUNCTION gridboard_scope_is_city() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public AS $$
  SELECT EXISTS (SELECT 1 FROM regions WHERE id = gridboard_scope() AND parent_id IS NULL)
$$;
CREATE FUNCTION gridboard_scope_grids() RETURNS text[] LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public AS $$
  SELECT coalesce(array_agg(g.id), '{}') FROM grids g JOIN regions r ON r.id = g.community_id
  WHERE gridboard_scope() = ANY (r.path) OR g.id = gridboard_scope()
$$;
-- The communities under the scope, and a grid worker's community (its volunteer hours are shared among its grids).
CREATE FUNCTION gridboard_scope_communities() RETURNS text[] LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public AS $$
  SELECT coalesce(array_agg(id), '{}') FROM (
    SELECT id FROM regions WHERE level = 'community' AND gridboard_scope() = ANY (path)
    UNION SELECT community_id FROM grids WHERE id = gridboard_scope()) c
$$;
CREATE FUNCTION gridboard_scope_area() RETURNS geometry LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public AS $$
  SELECT geom FROM regions WHERE id = gridboard_scope()
  UNION ALL SELECT geom FROM grids WHERE id = gridboard_scope()
  LIMIT 1
$$;
-- Whether an id names a region or grid at all (a request for one outside the scope is 403, not 400).
CREATE FUNCTION gridboard_unit_exists(unit text) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public AS $$
  SELECT EXISTS (SELECT 1 FROM regions WHERE id = unit) OR EXISTS (SELECT 1 FROM grids WHERE id = unit)
$$;

-- Who read names or phones, when, through which request (plan saves are audited in grid_saves).
CREATE TABLE personal_reads (
  id bigserial PRIMARY KEY,
  read_by text NOT NULL,
  role text NOT NULL,
  scope text NOT NULL,
  request text NOT NULL,
  read_at timestamptz NOT NULL DEFAULT now()
);

GRANT USAGE ON SCHEMA public TO gridboard_app;
GRANT SELECT ON city, regions, grids, cameras, stations, cases, case_days, volunteer_hours, case_events, grid_saves
  TO gridboard_app;
-- The daily summary (migration 0004) is kept by its trigger whoever changes a case: a planner's save re-joins cases
-- but has no grant on the summary, so the trigger writes it as the owner.
ALTER FUNCTION keep_case_days() SECURITY DEFINER SET search_path = public;
GRANT INSERT, UPDATE, DELETE ON grids TO gridboard_app;
GRANT UPDATE (grid_id) ON cases, cameras TO gridboard_app;
-- A plan save locks its community's row (SELECT … FOR UPDATE needs an UPDATE grant); the policy allows no change.
GRANT UPDATE (sort) ON regions TO gridboard_app;
GRANT INSERT ON case_events, grid_saves, personal_reads TO gridboard_app;
GRANT USAGE ON SEQUENCE case_events_id_seq, grid_saves_id_seq, personal_reads_id_seq TO gridboard_app;

ALTER TABLE regions ENABLE ROW LEVEL SECURITY;
ALTER TABLE grids ENABLE ROW LEVEL SECURITY;
ALTER TABLE cameras ENABLE ROW LEVEL SECURITY;
ALTER TABLE stations ENABLE ROW LEVEL SECURITY;
ALTER TABLE cases ENABLE ROW LEVEL SECURITY;
ALTER TABLE volunteer_hours ENABLE ROW LEVEL SECURITY;
ALTER TABLE case_days ENABLE ROW LEVEL SECURITY;
ALTER TABLE case_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE grid_saves ENABLE ROW LEVEL SECURITY;
ALTER TABLE personal_reads ENABLE ROW LEVEL SECURITY;

CREATE POLICY in_scope ON regions FOR SELECT TO gridboard_app USING ((SELECT gridboard_scope()) = ANY (path));
CREATE POLICY plan_lock ON regions FOR UPDATE TO gridboard_app
  USING ((SELECT gridboard_role()) = 'planner' AND (SELECT gridboard_scope()) = ANY (path)) WITH CHECK (false);

CREATE POLICY in_scope ON grids FOR SELECT TO gridboard_app
  USING ((SELECT gridboard_scope_is_city()) OR id IN (SELECT unnest(gridboard_scope_grids())));
-- A planner writes only his scope's communities (a save inserts new grid ids, so by community, not by grid).
CREATE POLICY plan_insert ON grids FOR INSERT TO gridboard_app
  WITH CHECK ((SELECT gridboard_role()) = 'planner' AND community_id IN (SELECT unnest(gridboard_scope_communities())));
CREATE POLICY plan_update ON grids FOR UPDATE TO gridboard_app
  USING ((SELECT gridboard_role()) = 'planner' AND community_id IN (SELECT unnest(gridboard_scope_communities())))
  WITH CHECK (community_id IN (SELECT unnest(gridboard_scope_communities())));
CREATE POLICY plan_delete ON grids FOR DELETE TO gridboard_app
  USING ((SELECT gridboard_role()) = 'planner' AND community_id IN (SELECT unnest(gridboard_scope_communities())));

CREATE POLICY in_scope ON cases FOR SELECT TO gridboard_app
  USING ((SELECT gridboard_scope_is_city()) OR grid_id IN (SELECT unnest(gridboard_scope_grids())));
-- A save re-joins its cases to the new grids, and a case the new grids do not hold loses its grid (NULL).
CREATE POLICY plan_rejoin ON cases FOR UPDATE TO gridboard_app
  USING ((SELECT gridboard_role()) = 'planner' AND grid_id IN (SELECT unnest(gridboard_scope_grids())))
  WITH CHECK (grid_id IS NULL OR grid_id IN (SELECT unnest(gridboard_scope_grids())));
CREATE POLICY in_scope ON cameras FOR SELECT TO gridboard_app
  USING ((SELECT gridboard_scope_is_city()) OR grid_id IN (SELECT unnest(gridboard_scope_grids())));
CREATE POLICY plan_rejoin ON cameras FOR UPDATE TO gridboard_app
  USING ((SELECT gridboard_role()) = 'planner' AND grid_id IN (SELECT unnest(gridboard_scope_grids())));
-- Stations belong to no grid: they are seen where they stand.
CREATE POLICY in_scope ON stations FOR SELECT TO gridboard_app
  USING ((SELECT gridboard_scope_is_city()) OR ST_Intersects(geom, (SELECT gridboard_scope_area())));
CREATE POLICY in_scope ON case_days FOR SELECT TO gridboard_app
  USING ((SELECT gridboard_scope_is_city()) OR community_id IN (SELECT unnest(gridboard_scope_communities())));
CREATE POLICY in_scope ON volunteer_hours FOR SELECT TO gridboard_app
  USING ((SELECT gridboard_scope_is_city()) OR community_id IN (SELECT unnest(gridboard_scope_communities())));
-- An event is seen by whoever sees its case (the stream asks per event, server/src/auth/visible-events.ts).
CREATE POLICY in_scope ON case_events FOR SELECT TO gridboard_app
  USING (EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id));
CREATE POLICY plan_rejoin ON case_events FOR INSERT TO gridboard_app
  WITH CHECK ((SELECT gridboard_role()) = 'planner');
CREATE POLICY in_scope ON grid_saves FOR SELECT TO gridboard_app
  USING (community_id IN (SELECT unnest(gridboard_scope_communities())));
CREATE POLICY plan_audit ON grid_saves FOR INSERT TO gridboard_app
  WITH CHECK ((SELECT gridboard_role()) = 'planner' AND saved_by = (SELECT gridboard_user())
              AND community_id IN (SELECT unnest(gridboard_scope_communities())));
-- The audit is written by the request it records and read by no request.
CREATE POLICY own_reads ON personal_reads FOR INSERT TO gridboard_app
  WITH CHECK (read_by = (SELECT gridboard_user()));

-- Down Migration
DROP TABLE personal_reads;
DROP POLICY plan_audit ON grid_saves;
DROP POLICY in_scope ON grid_saves;
DROP POLICY plan_rejoin ON case_events;
DROP POLICY in_scope ON case_events;
DROP POLICY in_scope ON volunteer_hours;
DROP POLICY in_scope ON case_days;
DROP POLICY in_scope ON stations;
DROP POLICY plan_rejoin ON cameras;
DROP POLICY in_scope ON cameras;
DROP POLICY plan_rejoin ON cases;
DROP POLICY in_scope ON cases;
DROP POLICY plan_delete ON grids;
DROP POLICY plan_update ON grids;
DROP POLICY plan_insert ON grids;
DROP POLICY in_scope ON grids;
DROP POLICY plan_lock ON regions;
DROP POLICY in_scope ON regions;
ALTER TABLE grid_saves DISABLE ROW LEVEL SECURITY;
ALTER TABLE case_events DISABLE ROW LEVEL SECURITY;
ALTER TABLE volunteer_hours DISABLE ROW LEVEL SECURITY;
ALTER TABLE case_days DISABLE ROW LEVEL SECURITY;
ALTER FUNCTION keep_case_days() SECURITY INVOKER RESET search_path;
ALTER TABLE cases DISABLE ROW LEVEL SECURITY;
ALTER TABLE stations DISABLE ROW LEVEL SECURITY;
ALTER TABLE cameras DISABLE ROW LEVEL SECURITY;
ALTER TABLE grids DISABLE ROW LEVEL SECURITY;
ALTER TABLE regions DISABLE ROW LEVEL SECURITY;
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM gridboard_app;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM gridboard_app;
REVOKE USAGE ON SCHEMA public FROM gridboard_app;
DROP FUNCTION gridboard_unit_exists(text);
DROP FUNCTION gridboard_scope_area();
DROP FUNCTION gridboard_scope_communities();
DROP FUNCTION gridboard_scope_grids();
DROP FUNCTION gridboard_scope_is_city();
DROP FUNCTION gridboard_personal(text);
DROP FUNCTION gridboard_user();
DROP FUNCTION gridboard_role();
DROP FUNCTION gridboard_scope();
