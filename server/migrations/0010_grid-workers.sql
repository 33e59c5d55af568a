-- Up Migration
-- The grid workers (docs/api.md, "Grid workers"): the roster, the grids each looks after, and the GPS fixes their
-- phones report (one a minute on patrol). Numbered 0010, not the 0008 once kept for it: node-pg-migrate checks the
-- order (server/src/migrate.ts, checkOrder), and a database that already ran 0009 refuses an 0008 that would run
-- after it.
CREATE TABLE workers (
  id text PRIMARY KEY,
  -- Personal data: a wall request never receives them (the name masked, no phone; server/src/routes/workers.ts).
  name text NOT NULL,
  phone text NOT NULL,
  employment text NOT NULL CHECK (employment IN ('full_time', 'part_time')),
  -- Today's state (leave, training), as the city's staff system sets it.
  on_duty boolean NOT NULL,
  sort integer NOT NULL
);

-- A worker's grids in the contract's order: the first is the grid he walks. A grid a plan save drops passes its
-- workers to the new grid over its middle first (server/src/plan-store.ts); the key refuses a dangling grid.
CREATE TABLE worker_grids (
  worker_id text NOT NULL REFERENCES workers (id) ON DELETE CASCADE,
  grid_id text NOT NULL REFERENCES grids (id),
  place smallint NOT NULL,
  PRIMARY KEY (worker_id, grid_id)
);
CREATE INDEX worker_grids_grid ON worker_grids (grid_id);

-- One row per fix. The key (worker, time) is the one index both reads need: a worker's latest fix is one backward
-- step from `now()` on it, and one worker's day is a range scan of it. No geometry index: nothing asks fixes by
-- place (the nearest worker is found among the latest positions, a few thousand points).
CREATE TABLE worker_fixes (
  worker_id text NOT NULL REFERENCES workers (id) ON DELETE CASCADE,
  at timestamptz NOT NULL,
  geom geometry(Point, 4326) NOT NULL,
  PRIMARY KEY (worker_id, at)
);

-- The workers seen by the request's scope: those with a grid in it (computed once per statement, as the owner).
CREATE FUNCTION gridboard_scope_workers() RETURNS text[] LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public AS $$
  SELECT coalesce(array_agg(DISTINCT worker_id), '{}') FROM worker_grids
  WHERE grid_id IN (SELECT unnest(gridboard_scope_grids()))
$$;

GRANT SELECT ON workers, worker_grids, worker_fixes TO gridboard_app;
-- A plan save hands a dropped grid's workers to the new grids (only a planner, only his communities' grids).
GRANT INSERT, DELETE ON worker_grids TO gridboard_app;

ALTER TABLE workers ENABLE ROW LEVEL SECURITY;
ALTER TABLE worker_grids ENABLE ROW LEVEL SECURITY;
ALTER TABLE worker_fixes ENABLE ROW LEVEL SECURITY;

-- A worker is seen with all his grids (an id outside the scope names only a grid), and his fixes with him.
CREATE POLICY in_scope ON workers FOR SELECT TO gridboard_app
  USING ((SELECT gridboard_scope_is_city()) OR id IN (SELECT unnest(gridboard_scope_workers())));
CREATE POLICY in_scope ON worker_grids FOR SELECT TO gridboard_app
  USING ((SELECT gridboard_scope_is_city()) OR worker_id IN (SELECT unnest(gridboard_scope_workers())));
CREATE POLICY in_scope ON worker_fixes FOR SELECT TO gridboard_app
  USING ((SELECT gridboard_scope_is_city()) OR worker_id IN (SELECT unnest(gridboard_scope_workers())));
CREATE POLICY plan_hand_over ON worker_grids FOR INSERT TO gridboard_app
  WITH CHECK ((SELECT gridboard_role()) = 'planner' AND grid_id IN (SELECT unnest(gridboard_scope_grids())));
CREATE POLICY plan_take_back ON worker_grids FOR DELETE TO gridboard_app
  USING ((SELECT gridboard_role()) = 'planner' AND grid_id IN (SELECT unnest(gridboard_scope_grids())));
-- The city scope reads without the qualifiers (migration 0006).
CREATE POLICY whole_city ON workers FOR SELECT TO gridboard_city USING (true);
CREATE POLICY whole_city ON worker_grids FOR SELECT TO gridboard_city USING (true);
CREATE POLICY whole_city ON worker_fixes FOR SELECT TO gridboard_city USING (true);

-- Down Migration
DROP TABLE worker_fixes;
DROP TABLE worker_grids;
DROP TABLE workers;
DROP FUNCTION gridboard_scope_workers();
