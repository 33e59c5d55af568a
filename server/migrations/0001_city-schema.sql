-- Up Migration
-- The city's data (docs/api.md): regions above the grid, grids, cameras, stations, cases, volunteer hours; every
-- geometry in WGS84 (EPSG:4326) with a GiST index; areas keep the type they came as (Polygon or MultiPolygon). Times are timestamptz; the contract's local time is UTC+8.
CREATE EXTENSION IF NOT EXISTS postgis;

CREATE TABLE city (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  name text NOT NULL,
  city text NOT NULL,
  crs text NOT NULL DEFAULT 'wgs84' CHECK (crs IN ('wgs84', 'gcj02')),
  attribution text
);

CREATE TABLE regions (
  id text PRIMARY KEY,
  name text NOT NULL,
  level text NOT NULL CHECK (level IN ('city', 'district', 'street', 'community')),
  parent_id text REFERENCES regions (id),
  -- Ids from the city down to this region, itself included: "cases in region X" is `X = ANY(path)`.
  path text[] NOT NULL,
  sort integer NOT NULL,
  geom geometry(Geometry, 4326) NOT NULL CHECK (GeometryType(geom) IN ('POLYGON', 'MULTIPOLYGON'))
);
CREATE INDEX regions_geom ON regions USING gist (geom);
CREATE INDEX regions_parent ON regions (parent_id);
CREATE INDEX regions_path ON regions USING gin (path);

CREATE TABLE grids (
  id text PRIMARY KEY,
  code text NOT NULL,
  name text NOT NULL,
  community_id text NOT NULL REFERENCES regions (id),
  type text NOT NULL,
  households integer NOT NULL CHECK (households >= 0),
  population integer NOT NULL CHECK (population >= 0),
  worker_name text NOT NULL,
  version integer NOT NULL DEFAULT 0,
  sort integer NOT NULL,
  geom geometry(Geometry, 4326) NOT NULL CHECK (GeometryType(geom) IN ('POLYGON', 'MULTIPOLYGON'))
);
CREATE INDEX grids_geom ON grids USING gist (geom);
CREATE INDEX grids_community ON grids (community_id);

CREATE TABLE cameras (
  id text PRIMARY KEY,
  name text NOT NULL,
  status text NOT NULL,
  purpose text NOT NULL,
  grid_id text REFERENCES grids (id) ON DELETE SET NULL,
  sort integer NOT NULL,
  geom geometry(Point, 4326) NOT NULL
);
CREATE INDEX cameras_geom ON cameras USING gist (geom);
CREATE INDEX cameras_grid ON cameras (grid_id);

CREATE TABLE stations (
  id text PRIMARY KEY,
  name text NOT NULL,
  kind text NOT NULL,
  level text NOT NULL,
  address text NOT NULL,
  phone text NOT NULL,
  hours text NOT NULL,
  sort integer NOT NULL,
  geom geometry(Point, 4326) NOT NULL
);
CREATE INDEX stations_geom ON stations USING gist (geom);

CREATE TABLE cases (
  id text PRIMARY KEY,
  title text NOT NULL,
  channel text NOT NULL,
  category text NOT NULL,
  status text NOT NULL,
  reported_at timestamptz NOT NULL,
  due_at timestamptz NOT NULL,
  closed_at timestamptz,
  resolved boolean,
  satisfaction text,
  grid_id text REFERENCES grids (id) ON DELETE SET NULL,
  -- The steps entered, as the contract sends them: {"reported": "<ISO time>", …}.
  stage_times jsonb NOT NULL DEFAULT '{}',
  geom geometry(Point, 4326) NOT NULL,
  CHECK ((status = 'closed') = (closed_at IS NOT NULL)),
  CHECK ((status = 'closed') = (resolved IS NOT NULL))
);
CREATE INDEX cases_geom ON cases USING gist (geom);
CREATE INDEX cases_reported ON cases (reported_at, id);
CREATE INDEX cases_grid ON cases (grid_id, reported_at);

-- Hours logged per community per local day (`day` = the day's start).
CREATE TABLE volunteer_hours (
  community_id text NOT NULL REFERENCES regions (id),
  day timestamptz NOT NULL,
  hours integer NOT NULL CHECK (hours >= 0),
  PRIMARY KEY (community_id, day)
);

-- Down Migration
DROP TABLE volunteer_hours;
DROP TABLE cases;
DROP TABLE stations;
DROP TABLE cameras;
DROP TABLE grids;
DROP TABLE regions;
DROP TABLE city;
