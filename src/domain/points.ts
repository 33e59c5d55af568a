import type { CameraId, GridId, StationId } from './ids';

export const cameraStatuses = ['online', 'offline', 'fault'] as const;
export type CameraStatus = (typeof cameraStatuses)[number];

/** What a camera watches; the Sharp Eyes programme's key-site categories. */
export const cameraPurposes = ['road', 'public_security', 'residential', 'key_site', 'rural'] as const;
export type CameraPurpose = (typeof cameraPurposes)[number];

export interface CameraProperties {
  id: CameraId;
  name: string;
  status: CameraStatus;
  purpose: CameraPurpose;
  gridId: GridId | null;
}

export const stationKinds = [
  'governance_center',
  'service_station',
  'party_service_center',
  'mediation_room',
  'legal_service',
] as const;
export type StationKind = (typeof stationKinds)[number];

/** The three levels of the governance ladder a station serves (district, township, village). */
export const stationLevels = ['district', 'street', 'community'] as const;
export type StationLevel = (typeof stationLevels)[number];

export interface StationProperties {
  id: StationId;
  name: string;
  kind: StationKind;
  level: StationLevel;
  address: string;
  phone: string;
  hours: string;
}
