import {
  createContext,
  Suspense,
  useCallback,
  useContext,
  useMemo,
  useState,
  type ComponentType,
  type ReactNode,
} from 'react';
import type { CameraColumns } from '../domain/camera-columns';

/** At most this many players at once: the 2×2 grid of "the cameras around this case". */
export const maxPlayers = 4;

/** What the viewer shows: one camera clicked on a map, or the cameras around a case. */
export interface CameraRequest {
  ids: readonly string[];
  /** The case the cameras stand around, for the heading; absent for a camera clicked on the map. */
  aroundCase?: string;
}

export interface CameraPlayerProps {
  request: CameraRequest;
  onClose: () => void;
}

export interface CameraViewer {
  /** Open the player on these cameras (the first four), replacing what it showed. */
  openCameras: (ids: readonly string[], aroundCase?: string) => void;
  close: () => void;
}

const noViewer: CameraViewer = { openCameras: () => undefined, close: () => undefined };
const CameraViewerContext = createContext<CameraViewer>(noViewer);

/**
 * The one camera player of every view (dashboard, wall, case detail): any component asks for cameras with
 * `useCameraViewer().openCameras(ids)` and the app shows them in its player. The player itself is passed in by the
 * app as a lazy component (src/features/video), so hls.js and the player load on the first click, never with the
 * first screen. Outside a provider the viewer does nothing (a component rendered on its own in a test).
 */
export function CameraViewerProvider({
  player: Player,
  children,
}: {
  player: ComponentType<CameraPlayerProps>;
  children: ReactNode;
}) {
  const [request, setRequest] = useState<CameraRequest | null>(null);
  const viewer = useMemo<CameraViewer>(
    () => ({
      openCameras: (ids, aroundCase) =>
        setRequest(
          ids.length === 0
            ? null
            : { ids: ids.slice(0, maxPlayers), ...(aroundCase !== undefined && { aroundCase }) },
        ),
      close: () => setRequest(null),
    }),
    [],
  );
  return (
    <CameraViewerContext.Provider value={viewer}>
      {children}
      {request && (
        <Suspense fallback={null}>
          <Player request={request} onClose={viewer.close} />
        </Suspense>
      )}
    </CameraViewerContext.Provider>
  );
}

export const useCameraViewer = (): CameraViewer => useContext(CameraViewerContext);

/**
 * A map's selection handler's share for cameras: a click on a camera (a pick of `kind: 'camera'`, its row in the
 * map's camera columns) opens it in the player. Answers whether the click was a camera's, so the caller handles
 * the rest (grids, stations).
 */
export function useOpenClickedCamera(
  cameras: CameraColumns | null,
): (target: { kind: string; index?: number } | null) => boolean {
  const { openCameras } = useCameraViewer();
  return useCallback(
    (target) => {
      if (target?.kind !== 'camera' || target.index === undefined || !cameras) return false;
      openCameras([cameras.id(target.index)]);
      return true;
    },
    [cameras, openCameras],
  );
}
