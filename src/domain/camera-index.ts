import Flatbush from 'flatbush';
import type { CameraColumns } from './camera-columns';
import { cameraStatuses } from './points';
import { metresBetween } from './workers';

/** Metres in one degree of latitude on turf's mean earth radius (6,371,008.8 m). */
const metresPerDegree = (Math.PI * 6_371_008.8) / 180;
const onlineCode = cameraStatuses.indexOf('online');

/**
 * The cameras in a spatial index (flatbush), for "which cameras are near this place": the nearest few around a
 * case, and whether an online camera stands within a distance of a key site. The index holds longitudes shrunk by
 * the cosine of the cameras' middle latitude, so its planar distances rank places as metres on the ground do
 * across a city; every answer is then measured exactly with turf's great-circle distance.
 */
export class CameraIndex {
  private readonly index: Flatbush | null;
  private readonly shrink: number;

  constructor(readonly cameras: CameraColumns) {
    let south = Infinity;
    let north = -Infinity;
    for (let row = 0; row < cameras.count; row += 1) {
      const latitude = cameras.positions[row * 2 + 1] ?? 0;
      south = Math.min(south, latitude);
      north = Math.max(north, latitude);
    }
    this.shrink = cameras.count > 0 ? Math.cos((((south + north) / 2) * Math.PI) / 180) : 1;
    if (cameras.count === 0) {
      this.index = null;
      return;
    }
    const index = new Flatbush(cameras.count);
    for (let row = 0; row < cameras.count; row += 1) {
      const [x, y] = this.planar(this.position(row));
      index.add(x, y, x, y);
    }
    index.finish();
    this.index = index;
  }

  position(row: number): [number, number] {
    return [this.cameras.positions[row * 2] ?? 0, this.cameras.positions[row * 2 + 1] ?? 0];
  }

  /**
   * The `count` cameras nearest `position`, nearest first, with their distance. A few more than asked are taken
   * from the index and re-ranked by the exact distance, so the shrunk longitudes cannot swap two near the cut.
   */
  nearest(position: readonly [number, number], count: number): { row: number; metres: number }[] {
    if (!this.index || count <= 0) return [];
    const [x, y] = this.planar(position);
    return this.index
      .neighbors(x, y, count + 4)
      .map((row) => ({ row, metres: metresBetween(position, this.position(row)) }))
      .sort((a, b) => a.metres - b.metres || a.row - b.row)
      .slice(0, count);
  }

  /** Whether an online camera stands within `metres` of `position` (great-circle distance, the edge included). */
  onlineWithin(position: readonly [number, number], metres: number): boolean {
    if (!this.index) return false;
    const [x, y] = this.planar(position);
    // The box is widened by 5 %: the shrink is exact at the middle latitude only. turf decides.
    const reach = (metres / metresPerDegree) * 1.05;
    let found = false;
    this.index.search(x - reach, y - reach, x + reach, y + reach, (row) => {
      if (found || this.cameras.status[row] !== onlineCode) return false;
      found = metresBetween(position, this.position(row)) <= metres;
      return false;
    });
    return found;
  }

  private planar(position: readonly [number, number]): [number, number] {
    return [position[0] * this.shrink, position[1]];
  }
}
