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
  // Above the labels and so above terra-draw's outlines and the selection: a refused or problem grid must show
  // through whatever is drawn on it, and says what it is in words, not by its colour alone.
  {
    id: 'planner-highlights-line',
    type: 'line',
    source: plannerSources.highlights,
    paint: {
      'line-color': colourByKind,
      'line-width': ['match', ['get', 'kind'], ['rejected', 'server_changed'], 6, 2],
      'line-dasharray': [3, 1.5],
    },
  },
  {
    id: 'planner-highlights-label',
    type: 'symbol',
    source: plannerSources.highlights,
    filter: ['!=', ['get', 'label'], ''],
    layout: {
      'text-field': ['get', 'label'],
      'text-font': labelFont,
      'text-size': 12,
      // Refusals above the middle, validation below it, so a grid with both shows both.
      'text-offset': [
        'match',
        ['get', 'kind'],
        ['rejected', 'server_changed'],
        ['literal', [0, -1.4]],
        ['literal', [0, 1.4]],
      ],
      'text-allow-overlap': false,
    },
    // Darker shades of the line colours: readable as text on the light fills.
    paint: {
      'text-color': [
        'match',
        ['get', 'kind'],
        'error',
        '#a50f15',
        'warning',
        '#6b4700',
        'rejected',
        '#880e4f',
        '#4a2a80',
      ],
      'text-halo-color': '#ffffff',
      'text-halo-width': 2,
    },
  },
];
