-- Up Migration
-- Every new or changed case becomes one numbered event (the stream's `id`), written in the same transaction as the
-- case and announced with NOTIFY, so every server instance streams every writer's cases, and a client that
-- reconnects with Last-Event-ID is replayed from this table.

-- One case as the contract's GeoJSON feature (docs/api.md), times in UTC+8 with whole seconds.
CREATE FUNCTION contract_time(at timestamptz) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT to_char(at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD"T"HH24:MI:SS"+08:00"')
$$;

CREATE FUNCTION case_feature(c cases) RETURNS json LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT json_build_object(
    'type', 'Feature',
    'geometry', json_build_object('type', 'Point', 'coordinates', json_build_array(ST_X(c.geom), ST_Y(c.geom))),
    'properties', json_build_object(
      'id', c.id, 'title', c.title, 'channel', c.channel, 'category', c.category, 'status', c.status,
      'reportedAt', contract_time(c.reported_at), 'dueAt', contract_time(c.due_at),
      'closedAt', contract_time(c.closed_at), 'resolved', c.resolved, 'satisfaction', c.satisfaction,
      'gridId', c.grid_id, 'stageTimes', c.stage_times))
$$;

CREATE TABLE case_events (
  id bigserial PRIMARY KEY,
  case_id text NOT NULL,
  data text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION record_case_event() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  event_id bigint;
BEGIN
  -- A bulk load (npm run server:seed) sets this so the history is not streamed as news.
  IF current_setting('gridboard.loading', true) = 'on' THEN
    RETURN NEW;
  END IF;
  INSERT INTO case_events (case_id, data) VALUES (NEW.id, case_feature(NEW)::text) RETURNING id INTO event_id;
  PERFORM pg_notify('case_events', event_id::text);
  RETURN NEW;
END
$$;

CREATE TRIGGER cases_event AFTER INSERT OR UPDATE ON cases FOR EACH ROW EXECUTE FUNCTION record_case_event();

-- One row per planner save (who, when, the community's version before and after).
CREATE TABLE grid_saves (
  id bigserial PRIMARY KEY,
  community_id text NOT NULL REFERENCES regions (id),
  saved_by text NOT NULL,
  saved_at timestamptz NOT NULL DEFAULT now(),
  before_version integer NOT NULL,
  after_version integer NOT NULL,
  grid_ids text[] NOT NULL
);

-- Down Migration
DROP TABLE grid_saves;
DROP TRIGGER cases_event ON cases;
DROP FUNCTION record_case_event();
DROP TABLE case_events;
DROP FUNCTION case_feature(cases);
DROP FUNCTION contract_time(timestamptz);
