import type { CameraIndex } from './camera-index';

/**
 * Key-site video coverage (重点场所视频监控覆盖率), as the Sharp Eyes reports count it ("key sites ≥ 90 % covered"):
 * the key sites with an online camera within a distance, divided by the key sites. A camera that is offline or at
 * fault covers nothing. In this product the key sites are the service stations of every kind (governance centres,
 * convenience service stations, party-mass centres, mediation rooms, legal service): the public places the
 * governance reports name, and the only places besides the cameras on the map.
 */
export interface KeySite {
  id: string;
  name: string;
  position: readonly [number, number];
}

export interface KeySiteCoverage {
  /** Key sites counted (those of the unit). */
  total: number;
  covered: number;
  /** covered ÷ total; null when the unit has no key site. */
  share: number | null;
  /** The key sites without an online camera within the distance, in the order given. */
  uncovered: KeySite[];
}

export function keySiteCoverage(
  sites: readonly KeySite[],
  cameras: CameraIndex,
  metres: number,
): KeySiteCoverage {
  const uncovered = sites.filter((site) => !cameras.onlineWithin(site.position, metres));
  const covered = sites.length - uncovered.length;
  return { total: sites.length, covered, share: sites.length > 0 ? covered / sites.length : null, uncovered };
}
