-- Up Migration
-- The indicators read a period's cases as "reported before its end and not closed before its start"
-- (server/src/indicators-sql.ts): the open cases and the cases closed since a time, each by its own index, so a
-- province's year of closed cases is not scanned for a 30-day period (the load test, docs/performance.md).
CREATE INDEX cases_closed ON cases (closed_at, reported_at) WHERE closed_at IS NOT NULL;
CREATE INDEX cases_open ON cases (reported_at) WHERE closed_at IS NULL;

-- Down Migration
DROP INDEX cases_open;
DROP INDEX cases_closed;
