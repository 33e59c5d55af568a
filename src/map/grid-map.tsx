import type { Layer } from '@deck.gl/core';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { BasemapConfig } from '../domain/runtime-config';
import { areaSource } from './area-layers';
import type { Choropleth } from './choropleth';
import { backgroundCssOf, baseStyle, themeOverrides, type MapTheme } from './base-style';
import type { CameraFilter, CameraPoints } from './camera-points';
import type { GridFill } from './grid-fill';
import type { ServerGridTiles } from './grid-tiles/grid-source-choice';
import { labelPointsOf } from './label-points';
import {
  MapController,
  type FramePadding,
  type MapCamera,
  type MapInput,
  type MapPointer,
  type MapTarget,
} from './map-controller';
import { scaleMarks } from './mark-scale';
import { createRetainedLayers, retainLayers } from './retained-layers';
import type { StationMark } from './stations.layer';
import { useDeckLayers } from './use-deck-layers';
import './grid-map.css';

/**
 * The city map: MapLibre draws the base map and the city's own outlines and labels, deck.gl the points. All data
 * arrives as props (already in the base map's coordinate system); the view comes from and goes back to the URL.
 */
export interface MapView {
  lng: number;
  lat: number;
  zoom: number;
}

type Area<P> = FeatureCollection<Polygon | MultiPolygon, P>;
export type RegionAreas = Area<{ id: string; name: string; level: string }>;
export type GridAreas = Area<{ id: string; name: string }>;

export interface GridMapProps {
  basemap: BasemapConfig;
  /** The whole city [west, south, east, north]: the first view without ?map=, and what reset returns to. */
  cityBounds: [number, number, number, number] | null;
  view: MapView | null;
  onViewChange: (view: MapView) => void;
  regions: RegionAreas | null;
  grids: GridAreas | null;
  cameras: CameraPoints | null;
  cameraFilter: CameraFilter;
  stations: readonly StationMark[] | null;
  layers: ReadonlySet<string>;
  fill: GridFill;
  selected: string | null;
  /** A click or a tap on the map (input.touch: a tap, which the dashboard reads as a drill-down). */
  onSelect: (target: MapTarget | null, input: MapInput) => void;
  onHover: (pointer: MapPointer | null) => void;
  /** Every enabled layer has settled (drawn or failed): the map may report itself ready. */
  complete: boolean;
  /** Called once, when the map is ready (complete and drawn): what waited for the first map may start. */
  onReady?: () => void;
  resetLabel: string;
  /** An indicator over the focused unit's children; replaces the grid fill while set. */
  choropleth?: Choropleth | null;
  /** The data server's grid tiles (meta's `tiles`): drawn instead of tiles cut in a worker when there are many grids. */
  serverGridTiles?: ServerGridTiles | null;
  /** Credit for the data (the provider's `meta.attribution`), shown in the map's attribution. */
  dataAttribution?: string | null;
  /** The focused unit's extent: the map flies there whenever the key changes (not on first load with a view). */
  focus?: { key: string; bounds: [number, number, number, number] } | null;
  /** Room kept free around the city or a focused unit (default: clear of the dashboard's layer panel). */
  framePadding?: FramePadding;
  /** 'dark' for the wall display; light everywhere else. */
  theme?: MapTheme;
  /** Multiplies the theme's label sizes (the wall's design unit: 2 on a 4K layout). */
  labelScale?: number;
  /** Multiplies the size of every deck.gl mark and its text (the wall's design unit); see mark-scale.ts. */
  markScale?: number;
  /**
   * Out-of-view tiles MapLibre keeps per source. Its default grows with the screen and the cache fills as a tour
   * visits new places: an always-on display caps it so memory stays flat.
   */
  maxTileCacheSize?: number;
  /** Hide deck.gl layers that leave instead of finalizing them (an always-on display; see retained-layers.ts). */
  retainLayers?: boolean;
  /** deck.gl layers a feature adds (e.g. live cases), drawn under the map's own points; memoise the array. */
  extraLayers?: readonly Layer[];
  /** deck.gl layers drawn above everything else, for marks that must never be hidden (warnings); memoise. */
  topLayers?: readonly Layer[];
  children?: ReactNode;
}

const sameView = (a: MapView, b: MapView) =>
  Math.abs(a.lng - b.lng) < 1e-4 && Math.abs(a.lat - b.lat) < 1e-4 && Math.abs(a.zoom - b.zoom) < 0.01;

export function GridMap(props: GridMapProps) {
  const canvasRef = useRef<HTMLDivElement>(null);
  const controllerRef = useRef<MapController | null>(null);
  const latest = useRef(props);
  const [camera, setCamera] = useState<MapCamera | null>(null);
  const [readyMs, setReadyMs] = useState<number | null>(null);
  const { deckLayers: ownLayers, resolvePick } = useDeckLayers({ ...props, camera });
  const extraLayers = props.extraLayers;
  const topLayers = props.topLayers;
  const markScale = props.markScale ?? 1;
  const wantedLayers = useMemo(
    () =>
      scaleMarks(
        (extraLayers && extraLayers.length > 0) || (topLayers && topLayers.length > 0)
          ? [...(extraLayers ?? []), ...ownLayers, ...(topLayers ?? [])]
          : ownLayers,
        markScale,
      ),
    [extraLayers, ownLayers, topLayers, markScale],
  );
  const [retained] = useState(createRetainedLayers);
  const retain = props.retainLayers ?? false;
  const deckLayers = useMemo(
    () => (retain ? retainLayers(wantedLayers, retained) : wantedLayers),
    [retain, wantedLayers, retained],
  );
  const resolvePickRef = useRef(resolvePick);
  useLayoutEffect(() => {
    latest.current = props;
    resolvePickRef.current = resolvePick;
  });

  const canStart = props.view !== null || props.cityBounds !== null;
  const theme = props.theme ?? 'light';
  const labelScale = props.labelScale ?? 1;
  const style = useMemo(() => baseStyle(props.basemap, theme), [props.basemap, theme]);

  useEffect(() => {
    const container = canvasRef.current;
    const { view, cityBounds } = latest.current;
    if (!container || !canStart) return;
    const start = view ?? (cityBounds ? { bounds: cityBounds } : { lng: 0, lat: 0, zoom: 1 });
    const controller = new MapController({
      container,
      style,
      start,
      fill: latest.current.fill,
      selected: latest.current.selected,
      resetLabel: latest.current.resetLabel,
      onReset: () => {
        const bounds = latest.current.cityBounds;
        if (bounds) controller.fitBounds(bounds);
      },
      onHover: (pointer) => latest.current.onHover(pointer),
      onClick: (target, input) => latest.current.onSelect(target, input),
      onCameraChange: (next) => {
        setCamera(next);
        const current = latest.current.view;
        const rounded = { lng: next.lng, lat: next.lat, zoom: next.zoom };
        if (!current || !sameView(current, rounded)) latest.current.onViewChange(rounded);
      },
      resolvePick: (info) => resolvePickRef.current(info),
      onReady: (ms) => {
        setReadyMs(ms);
        latest.current.onReady?.();
      },
      ...(latest.current.framePadding ? { framePadding: latest.current.framePadding } : {}),
      ...(latest.current.maxTileCacheSize !== undefined
        ? { maxTileCacheSize: latest.current.maxTileCacheSize }
        : {}),
    });
    controller.map.once('load', () => {
      // The controller adds the city's layers on load, before this listener: restyle them for the theme.
      for (const override of themeOverrides[theme]) {
        if (!controller.map.getLayer(override.layer)) continue;
        if (override.kind === 'paint')
          controller.map.setPaintProperty(override.layer, override.property, override.value);
        else controller.map.setLayoutProperty(override.layer, override.property, override.value * labelScale);
      }
      setCamera(controller.camera());
    });
    controllerRef.current = controller;
    return () => {
      controllerRef.current = null;
      controller.destroy();
    };
  }, [canStart, style, theme, labelScale]);

  const regionLabels = useMemo(
    () =>
      props.regions
        ? labelPointsOf(props.regions.features.filter((feature) => feature.properties.level !== 'city'))
        : null,
    [props.regions],
  );
  const gridLabels = useMemo(() => (props.grids ? labelPointsOf(props.grids.features) : null), [props.grids]);

  useEffect(() => {
    const controller = controllerRef.current;
    if (!controller) return;
    // Before the grids, so that a province's grids go straight to the server's tiles.
    controller.setServerGridTiles(props.serverGridTiles ?? null);
    if (props.regions) controller.setSourceData(areaSource.regions, props.regions);
    if (regionLabels) controller.setSourceData(areaSource.regionLabels, regionLabels);
    if (props.grids) controller.setSourceData(areaSource.grids, props.grids);
    if (gridLabels) controller.setSourceData(areaSource.gridLabels, gridLabels);
    controller.setFill(props.fill);
    controller.setSelected(props.selected);
    controller.setGridsVisible(props.layers.has('grids'));
    controller.setDeckLayers(deckLayers);
    controller.setDataAttribution(props.dataAttribution ?? null);
    controller.setChoropleth(props.choropleth ?? null);
    if (props.complete) controller.markComplete();
  });

  useEffect(() => {
    const controller = controllerRef.current;
    if (!controller || !props.view) return;
    const current = controller.camera();
    if (!sameView(current, props.view)) controller.jumpTo(props.view);
  }, [props.view]);

  const focusKey = props.focus?.key ?? null;
  const mapStarted = camera !== null;
  const lastFocus = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    const controller = controllerRef.current;
    const focus = latest.current.focus;
    if (!controller || lastFocus.current === focusKey) return;
    const first = lastFocus.current === undefined;
    lastFocus.current = focusKey;
    // A shared link with ?map= keeps its exact view on load; later focus changes fly.
    if (first && latest.current.view) return;
    if (focus) controller.flyToBounds(focus.bounds);
    else if (!first && latest.current.cityBounds) controller.flyToBounds(latest.current.cityBounds);
  }, [focusKey, mapStarted]);

  return (
    <div
      className="grid-map"
      data-map-ready={readyMs !== null ? 'true' : 'false'}
      data-map-ready-ms={readyMs !== null ? Math.round(readyMs) : undefined}
      data-map-background={backgroundCssOf(theme)}
      // The settled camera, for tests that project data to the screen on their own (Web Mercator, 512 px tiles).
      data-map-camera={
        camera ? `${camera.lng.toFixed(7)},${camera.lat.toFixed(7)},${camera.zoom.toFixed(5)}` : undefined
      }
    >
      <div ref={canvasRef} className="grid-map__canvas" />
      {props.children}
    </div>
  );
}
