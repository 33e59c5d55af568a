import type { FeatureCollection } from 'geojson';
import { useCallback, useMemo, useRef, useState } from 'react';
import { droppedFileLayer, type DroppedFileLayer } from '../../../map/dropped-file.layer';
import type { Crs } from '../../../geo/crs';
import { DroppedFileError, readDroppedFile, type DropReason } from './dropped-file';

/** A file on the map for this session only: nothing is uploaded or kept after a reload. */
export interface DroppedLayer {
  id: string;
  name: string;
  visible: boolean;
  featureCount: number;
  features: FeatureCollection;
  bounds: [number, number, number, number];
}

export interface DropFailure {
  id: string;
  file: string;
  reason: DropReason;
  feature?: number;
}

export interface DroppedFiles {
  layers: readonly DroppedLayer[];
  failures: readonly DropFailure[];
  /** deck.gl layers of the visible files, for GridMap's extraLayers. */
  deckLayers: readonly DroppedFileLayer[];
  /** The last added file's extent until the user focuses a unit or removes that file. */
  focus: { key: string; bounds: [number, number, number, number] } | null;
  add: (files: readonly File[]) => void;
  setVisible: (id: string, visible: boolean) => void;
  remove: (id: string) => void;
  dismiss: (failureId: string) => void;
}

export function useDroppedFiles(basemapCrs: Crs, focusedUnit: string | null): DroppedFiles {
  const [layers, setLayers] = useState<DroppedLayer[]>([]);
  const [failures, setFailures] = useState<DropFailure[]>([]);
  // The unit focused when the file came: choosing another unit moves the map there instead.
  const [focus, setFocus] = useState<(NonNullable<DroppedFiles['focus']> & { unit: string | null }) | null>(
    null,
  );
  const serial = useRef(0);

  const add = useCallback(
    (files: readonly File[]) => {
      for (const file of files) {
        serial.current += 1;
        const id = `${serial.current}`;
        readDroppedFile(file, basemapCrs).then(
          ({ features, bounds }) => {
            const layer: DroppedLayer = {
              id,
              name: file.name,
              visible: true,
              featureCount: features.features.length,
              features,
              bounds,
            };
            setLayers((current) => [...current, layer]);
            setFocus({ key: `file:${id}`, bounds, unit: focusedUnit });
          },
          (error: unknown) => {
            // Anything the checks did not foresee is still this file's problem, not the page's.
            const known = error instanceof DroppedFileError ? error : new DroppedFileError('unreadable');
            setFailures((current) => [
              ...current,
              { id, file: file.name, reason: known.reason, ...(known.feature && { feature: known.feature }) },
            ]);
          },
        );
      }
    },
    [basemapCrs, focusedUnit],
  );

  const setVisible = useCallback((id: string, visible: boolean) => {
    setLayers((current) => current.map((layer) => (layer.id === id ? { ...layer, visible } : layer)));
  }, []);
  const remove = useCallback((id: string) => {
    setLayers((current) => current.filter((layer) => layer.id !== id));
    setFocus((current) => (current?.key === `file:${id}` ? null : current));
  }, []);
  const dismiss = useCallback((failureId: string) => {
    setFailures((current) => current.filter((failure) => failure.id !== failureId));
  }, []);
  const deckLayers = useMemo(
    // New layer objects each time: deck.gl finalizes a layer that leaves, so one cannot come back after a toggle
    // (the same id and data mean deck.gl diffs it rather than uploading it again).
    () => layers.filter((layer) => layer.visible).map((layer) => droppedFileLayer(layer.id, layer.features)),
    [layers],
  );
  const shownFocus = useMemo(
    () => (focus && focus.unit === focusedUnit ? { key: focus.key, bounds: focus.bounds } : null),
    [focus, focusedUnit],
  );
  return { layers, failures, deckLayers, focus: shownFocus, add, setVisible, remove, dismiss };
}
