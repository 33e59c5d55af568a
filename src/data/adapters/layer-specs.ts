import type { z } from 'zod';
import type { LayerKind } from '../../domain/runtime-config';
import {
  type CameraCollection,
  type CaseCollection,
  type GridCollection,
  type RegionCollection,
  type StationCollection,
  camerasSchema,
  casesSchema,
  gridsSchema,
  regionsSchema,
  stationsSchema,
} from '../../contract/schemas/contract.schema';

/** The layers a feature source (OGC collection, GeoJSON/CSV/KML/Shapefile file) can fill. */
export const featureLayers = ['regions', 'grids', 'cameras', 'stations', 'cases'] as const;
export type FeatureLayer = (typeof featureLayers)[number];

export const isFeatureLayer = (layer: LayerKind): layer is FeatureLayer =>
  (featureLayers as readonly string[]).includes(layer);

/**
 * What the property mapping must produce for each layer: the contract's property names, and which of them are
 * numbers, booleans or nullable, because files and servers deliver them as text ("42", "true", "").
 */
export interface LayerSpec {
  keys: readonly string[];
  numbers: readonly string[];
  booleans: readonly string[];
  nullable: readonly string[];
  geometry: 'area' | 'point';
}

export const layerSpecs: Record<FeatureLayer, LayerSpec> = {
  regions: {
    keys: ['id', 'name', 'level', 'parentId'],
    numbers: [],
    booleans: [],
    nullable: ['parentId'],
    geometry: 'area',
  },
  grids: {
    keys: ['id', 'code', 'name', 'communityId', 'type', 'households', 'population', 'workerName', 'version'],
    numbers: ['households', 'population', 'version'],
    booleans: [],
    nullable: [],
    geometry: 'area',
  },
  cameras: {
    keys: ['id', 'name', 'status', 'purpose', 'gridId'],
    numbers: [],
    booleans: [],
    nullable: ['gridId'],
    geometry: 'point',
  },
  stations: {
    keys: ['id', 'name', 'kind', 'level', 'address', 'phone', 'hours'],
    numbers: [],
    booleans: [],
    nullable: [],
    geometry: 'point',
  },
  cases: {
    keys: [
      'id',
      'title',
      'channel',
      'category',
      'status',
      'reportedAt',
      'dueAt',
      'closedAt',
      'resolved',
      'satisfaction',
      'gridId',
      // Who handles it and where it was settled (docs/api.md), as flat attributes; escalations and supervision are
      // nested and a feature service flattens them, so they read as none.
      'department',
      'assignee',
      'resolvedAtLevel',
    ],
    numbers: [],
    booleans: ['resolved'],
    nullable: ['closedAt', 'resolved', 'satisfaction', 'gridId', 'department', 'assignee', 'resolvedAtLevel'],
    geometry: 'point',
  },
};

export interface LayerCollections {
  regions: RegionCollection;
  grids: GridCollection;
  cameras: CameraCollection;
  stations: StationCollection;
  cases: CaseCollection;
}

export const layerSchemas: { [L in FeatureLayer]: z.ZodType<LayerCollections[L]> } = {
  regions: regionsSchema,
  grids: gridsSchema,
  cameras: camerasSchema,
  stations: stationsSchema,
  cases: casesSchema,
};
