-- Up Migration
-- A city-scope request sees every row, yet the policies of migration 0005 cost it plans: any security qual stops
-- PostgreSQL from using a qual that is not LEAKPROOF (PostGIS's `&&`, ST_Intersects) as an index condition before
-- it, so a tile scanned all 70,000 grids of a province, and the qual's subplans were planned into every read.
-- A city-scope request therefore runs as `gridboard_city`: a member of `gridboard_app` (its grants and its write
-- policies, which already check the planner's communities, apply unchanged) with one more permissive read policy,
-- `USING (true)`, per table. Permissive policies are OR-ed, `true OR …` folds to `true` when the query is planned,
-- and a table with no security qual left is planned as if it had no policy. Which role a request takes is decided
-- in the database from the scope (gridboard_request_role), by the same test as gridboard_scope_is_city().
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'gridboard_city') THEN
    CREATE ROLE gridboard_city NOLOGIN;
  END IF;
END
$$;
GRANT gridboard_app TO gridboard_city;
GRANT gridboard_city TO CURRENT_USER;
-- Like gridboard_app, the role stays when migrated down (other databases of the cluster may use it).

-- The role a request's transaction switches to, read after its settings are made and before the switch (as the
-- owner, so the whole tree is seen): the city's own scope is the root region.
CREATE FUNCTION gridboard_request_role() RETURNS text LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN gridboard_scope_is_city() THEN 'gridboard_city' ELSE 'gridboard_app' END
$$;

-- What a city-scope request reads: everything 0005 shows to the city scope. `personal_reads` stays unreadable and
-- `grid_saves` keeps 0005's policy (every community is the city's).
CREATE POLICY whole_city ON regions FOR SELECT TO gridboard_city USING (true);
CREATE POLICY whole_city ON grids FOR SELECT TO gridboard_city USING (true);
CREATE POLICY whole_city ON cameras FOR SELECT TO gridboard_city USING (true);
CREATE POLICY whole_city ON stations FOR SELECT TO gridboard_city USING (true);
CREATE POLICY whole_city ON cases FOR SELECT TO gridboard_city USING (true);
CREATE POLICY whole_city ON case_days FOR SELECT TO gridboard_city USING (true);
CREATE POLICY whole_city ON volunteer_hours FOR SELECT TO gridboard_city USING (true);
CREATE POLICY whole_city ON case_events FOR SELECT TO gridboard_city USING (true);

-- Down Migration
DROP POLICY whole_city ON case_events;
DROP POLICY whole_city ON volunteer_hours;
DROP POLICY whole_city ON case_days;
DROP POLICY whole_city ON cases;
DROP POLICY whole_city ON stations;
DROP POLICY whole_city ON cameras;
DROP POLICY whole_city ON grids;
DROP POLICY whole_city ON regions;
DROP FUNCTION gridboard_request_role();
