import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { labelFont } from '../base-style';

/** Sources the planner map owns besides terra-draw's own. */
export const plannerSources = {
  neighbours: 'planner-neighbours',
  community: 'planner-community',
  highlights: 'planner-highlights',
  reference: 'planner-reference',
  selected: 'planner-selected',
  labels: 'planner-labels',
} as const;

/** What a highlight feature marks, in `properties.kind`; the layers colour by it. */
export const highlightKinds = ['error', 'warning', 'rejected', 'server_changed', 'gained', 'lost'] as const;
export type HighlightKind = (typeof highlightKinds)[number];

const colourByKind: ExpressionSpecification = [
  'match',
  ['get', 'kind'],
  'error',
  '#d62728',
  'warning',
  '#f2a900',
  'rejected',
  '#c2185b',
  'server_changed',
  '#6a3fb5',
  'gained',
  '#2ca02c',
  'lost',
  '#e4572e',
  '#555555',
];

/** Layer the terra-draw layers go below, so grid names stay readable over the editable outlines. */
export const labelsLayerId = 'planner-grid-labels';

export const plannerLayers: LayerSpecification[] = [
  {
    id: 'planner-neighbours-fill',
    type: 'fill',
    source: plannerSources.neighbours,
    paint: { 'fill-color': '#9aa7b4', 'fill-opacity': 0.12 },
  },
  {
    id: 'planner-neighbours-outline',
    type: 'line',
    source: plannerSources.neighbours,
    paint: { 'line-color': '#8794a1', 'line-width': 1 },
  },
  {
    id: 'planner-community-outline',
    type: 'line',
    source: plannerSources.community,
    paint: { 'line-color': '#1f3a5f', 'line-width': 3 },
  },
  {
    id: 'planner-reference-line',
    type: 'line',
    source: plannerSources.reference,
    paint: { 'line-color': '#0b7a75', 'line-width': 2, 'line-dasharray': [2, 2] },
  },
  {
    id: 'planner-highlights-fill',
    type: 'fill',
    source: plannerSources.highlights,
    filter: ['in', ['get', 'kind'], ['literal', ['error', 'warning', 'gained', 'lost']]],
    paint: { 'fill-color': colourByKind, 'fill-opacity': 0.35 },
  },
  {
    id: 'planner-highlights-line',
    type: 'line',
    source: plannerSources.highlights,
    paint: {
      'line-color': colourByKind,
      'line-width': ['match', ['get', 'kind'], ['rejected', 'server_changed'], 4, 2],
      'line-dasharray': [3, 1.5],
    },
  },
  {
    id: 'planner-selected-line',
    type: 'line',
    source: plannerSources.selected,
    paint: { 'line-color': '#ff7f0e', 'line-width': 4 },
  },
  {
    id: labelsLayerId,
    type: 'symbol',
    source: plannerSources.labels,
    layout: {
      'text-field': ['get', 'name'],
      'text-font': labelFont,
      'text-size': 13,
      'text-allow-overlap': false,
    },
    paint: { 'text-color': '#1d2b3a', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
  },
];
