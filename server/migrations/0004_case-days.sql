-- Up Migration
-- The indicators of a city, district or street, read from a summary instead of the cases themselves: per community
-- and local day (UTC+8), how many cases were reported, closed (resolved, rated, satisfied, on time), and when each
-- case stops counting as open and starts and stops counting as overdue. A period's figures are then differences of
-- "how many of these fall on or after this instant" (server/src/indicator-days.ts explains the arithmetic), a sum over
-- a few hundred rows per day instead of a scan of the period's cases (the load test, docs/performance.md).
--
-- Every case gives one row per instant it is counted at; `open_end` and `overdue_end` are 'infinity' while it is
-- open. The summary is kept by statement triggers on `cases` (a bulk insert of a million cases is one grouped
-- upsert). It follows a case's grid to its community at the time of the write: a grid whose cases are detached
-- before it is deleted (as a plan save does) keeps it exact; `SELECT rebuild_case_days()` rebuilds it after any
-- other change of grids' communities.

-- The start of the local day (UTC+8, China has no daylight saving) holding an instant.
CREATE FUNCTION china_day(at timestamptz) RETURNS timestamptz LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT date_bin('1 day', at, timestamptz '2000-01-01 00:00:00+08')
$$;

CREATE TABLE case_days (
  community_id text NOT NULL REFERENCES regions (id),
  day timestamptz NOT NULL,
  reported integer NOT NULL DEFAULT 0,
  closed integer NOT NULL DEFAULT 0,
  resolved integer NOT NULL DEFAULT 0,
  rated integer NOT NULL DEFAULT 0,
  satisfied integer NOT NULL DEFAULT 0,
  on_time integer NOT NULL DEFAULT 0,
  open_ends integer NOT NULL DEFAULT 0,
  overdue_starts integer NOT NULL DEFAULT 0,
  overdue_ends integer NOT NULL DEFAULT 0,
  PRIMARY KEY (community_id, day)
);
CREATE INDEX case_days_day ON case_days (day);

-- The instants a case is counted at, as the summary's columns (one row each; the caller sums them per day).
CREATE FUNCTION case_day_rows(reported_at_ timestamptz, closed_at_ timestamptz, due_at_ timestamptz, resolved_ boolean,
                              satisfaction_ text) RETURNS TABLE (
  day timestamptz, reported int, closed int, resolved int, rated int, satisfied int, on_time int,
  open_ends int, overdue_starts int, overdue_ends int
) LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT e.* FROM (VALUES
    (china_day(reported_at_), 1, 0, 0, 0, 0, 0, 0, 0, 0),
    (china_day(closed_at_), 0, 1, (resolved_ IS TRUE)::int, (satisfaction_ IS NOT NULL)::int,
     (satisfaction_ IS NOT NULL AND satisfaction_ <> 'dissatisfied')::int, (closed_at_ <= due_at_)::int, 0, 0, 0),
    (CASE WHEN closed_at_ IS NULL THEN 'infinity' ELSE china_day(greatest(closed_at_, reported_at_)) END,
     0, 0, 0, 0, 0, 0, 1, 0, 0),
    (china_day(greatest(reported_at_, due_at_)), 0, 0, 0, 0, 0, 0, 0, 1, 0),
    (CASE WHEN closed_at_ IS NULL THEN 'infinity' ELSE china_day(greatest(closed_at_, reported_at_, due_at_)) END,
     0, 0, 0, 0, 0, 0, 0, 0, 1)
  ) AS e (day, reported, closed, resolved, rated, satisfied, on_time, open_ends, overdue_starts, overdue_ends)
  WHERE e.day IS NOT NULL
$$;

-- The statement that adds (sign 1) or takes away (sign -1) the rows of a transition table: run by the trigger
-- function itself, the only place its transition tables are visible.
CREATE FUNCTION case_days_change(source text, sign int) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT format($sql$
    INSERT INTO case_days AS s (community_id, day, reported, closed, resolved, rated, satisfied, on_time, open_ends,
                                overdue_starts, overdue_ends)
    SELECT g.community_id, e.day, %2$s * sum(e.reported), %2$s * sum(e.closed), %2$s * sum(e.resolved),
           %2$s * sum(e.rated), %2$s * sum(e.satisfied), %2$s * sum(e.on_time), %2$s * sum(e.open_ends),
           %2$s * sum(e.overdue_starts), %2$s * sum(e.overdue_ends)
    FROM %1$I c JOIN grids g ON g.id = c.grid_id CROSS JOIN LATERAL case_day_rows(c.reported_at, c.closed_at, c.due_at, c.resolved, c.satisfaction) e
    GROUP BY g.community_id, e.day
    ON CONFLICT (community_id, day) DO UPDATE SET
      reported = s.reported + excluded.reported, closed = s.closed + excluded.closed,
      resolved = s.resolved + excluded.resolved, rated = s.rated + excluded.rated,
      satisfied = s.satisfied + excluded.satisfied, on_time = s.on_time + excluded.on_time,
      open_ends = s.open_ends + excluded.open_ends, overdue_starts = s.overdue_starts + excluded.overdue_starts,
      overdue_ends = s.overdue_ends + excluded.overdue_ends$sql$, source, sign)
$$;

CREATE FUNCTION keep_case_days() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    EXECUTE case_days_change('old_cases', -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    EXECUTE case_days_change('new_cases', 1);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER cases_days_insert AFTER INSERT ON cases REFERENCING NEW TABLE AS new_cases
  FOR EACH STATEMENT EXECUTE FUNCTION keep_case_days();
CREATE TRIGGER cases_days_update AFTER UPDATE ON cases REFERENCING OLD TABLE AS old_cases NEW TABLE AS new_cases
  FOR EACH STATEMENT EXECUTE FUNCTION keep_case_days();
CREATE TRIGGER cases_days_delete AFTER DELETE ON cases REFERENCING OLD TABLE AS old_cases
  FOR EACH STATEMENT EXECUTE FUNCTION keep_case_days();

CREATE FUNCTION rebuild_case_days() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM case_days;
  INSERT INTO case_days (community_id, day, reported, closed, resolved, rated, satisfied, on_time, open_ends,
                         overdue_starts, overdue_ends)
  SELECT g.community_id, e.day, sum(e.reported), sum(e.closed), sum(e.resolved), sum(e.rated), sum(e.satisfied),
         sum(e.on_time), sum(e.open_ends), sum(e.overdue_starts), sum(e.overdue_ends)
  FROM cases c JOIN grids g ON g.id = c.grid_id CROSS JOIN LATERAL case_day_rows(c.reported_at, c.closed_at, c.due_at, c.resolved, c.satisfaction) e
  GROUP BY g.community_id, e.day;
END
$$;

SELECT rebuild_case_days();

-- A period's first and last day are partly counted from the cases themselves: each instant of the summary by its
-- own index (reported_at and closed_at have theirs).
CREATE INDEX cases_open_end ON cases (greatest(closed_at, reported_at)) WHERE closed_at IS NOT NULL;
CREATE INDEX cases_overdue_start ON cases (greatest(reported_at, due_at));
CREATE INDEX cases_overdue_end ON cases (greatest(closed_at, reported_at, due_at)) WHERE closed_at IS NOT NULL;

-- Down Migration
DROP INDEX cases_overdue_end;
DROP INDEX cases_overdue_start;
DROP INDEX cases_open_end;
DROP TRIGGER cases_days_delete ON cases;
DROP TRIGGER cases_days_update ON cases;
DROP TRIGGER cases_days_insert ON cases;
DROP FUNCTION rebuild_case_days();
DROP FUNCTION keep_case_days();
DROP FUNCTION case_days_change(text, int);
DROP FUNCTION case_day_rows(timestamptz, timestamptz, timestamptz, boolean, text);
DROP TABLE case_days;
DROP FUNCTION china_day(timestamptz);
