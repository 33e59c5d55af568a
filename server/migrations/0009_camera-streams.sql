-- Up Migration
-- Where to watch a camera (docs/api.md, GET /cameras/{id}): its HLS playlist and a still picture, as the city's video
-- platform gives them. Either may be absent (a camera not connected to the platform). Read only by the one-camera
-- call: the list leaves them out. The cameras' row-level policies and grants cover the new columns as they are.
ALTER TABLE cameras
  ADD COLUMN stream_url text,
  ADD COLUMN snapshot_url text;

-- Down Migration
ALTER TABLE cameras
  DROP COLUMN snapshot_url,
  DROP COLUMN stream_url;
