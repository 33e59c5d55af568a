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

export const regionId = (value: string): RegionId => value as RegionId;
export const gridId = (value: string): GridId => value as GridId;
export const cameraId = (value: string): CameraId => value as CameraId;
export const stationId = (value: string): StationId => value as StationId;
export const caseId = (value: string): CaseId => value as CaseId;
