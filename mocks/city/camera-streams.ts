import type { CameraStatus } from '../../src/domain/points';

/**
 * Where the demo's cameras stream (GET /cameras/{id}): one short looping test pattern for every camera that is
 * online (scripts/demo-video.sh writes it into public/demo-video/ at predev and prebuild), nothing for a camera that
 * is offline, and for a camera at fault a playlist that is not there, so the player's failure can be seen. The mock
 * and the server's seed both read this, so the two serve the same URLs.
 */
export const demoVideoPath = '/demo-video';
/** Where the fault cameras' playlists would be: the mock answers 404 there (a static server would send its page). */
export const unreachableStreamPath = `${demoVideoPath}/unreachable`;

export interface CameraStreams {
  streamUrl?: string;
  snapshotUrl?: string;
}

export function demoCameraStreams(camera: { id: string; status: CameraStatus }): CameraStreams {
  if (camera.status === 'offline') return {};
  if (camera.status === 'fault') return { streamUrl: `${unreachableStreamPath}/${camera.id}.m3u8` };
  return { streamUrl: `${demoVideoPath}/stream.m3u8`, snapshotUrl: `${demoVideoPath}/snapshot.jpg` };
}
