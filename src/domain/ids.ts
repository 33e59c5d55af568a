/**
 * Branded identifiers. A grid id and a region id are both strings on the wire, but passing one where the
 * other is expected is a real bug (a grid is not a community), so the type system keeps them apart.
 */
declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

export type RegionId = Brand<string, 'RegionId'>;
export type GridId = Brand<string, 'GridId'>;
export type CameraId = Brand<string, 'CameraId'>;
export type StationId = Brand<string, 'StationId'>;
export type CaseId = Brand<string, 'CaseId'>;
export type WorkerId = Brand<string, 'WorkerId'>;

export const regionId = (value: string): RegionId => value as RegionId;
export const gridId = (value: string): GridId => value as GridId;
export const cameraId = (value: string): CameraId => value as CameraId;
export const stationId = (value: string): StationId => value as StationId;
export const caseId = (value: string): CaseId => value as CaseId;
export const workerId = (value: string): WorkerId => value as WorkerId;

/** Any unit a view can focus: a region at any level or a grid (`?region=` names either). */
export type UnitId = RegionId | GridId;

// Region and grid ids are codes (the server refuses anything else the same way): a hand-edited link with
// something else in it focuses the city instead of reaching a lookup.
const unitCode = /^[\w.-]{1,64}$/;

/** A unit id from a trusted answer (an indicators child, a ranking row). */
export const unitId = (value: string): UnitId => value as UnitId;

/** `?region=` read once into a unit id; null when absent or not a code. */
export function parseUnitId(text: string | null): UnitId | null {
  return text !== null && unitCode.test(text) ? (text as UnitId) : null;
}
