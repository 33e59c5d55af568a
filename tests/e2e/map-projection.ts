/** The camera a `.grid-map` reports in `data-map-camera`: centre longitude, latitude and zoom. */
export type MapCamera = [number, number, number];

export const cameraOf = (attribute: string): MapCamera => attribute.split(',').map(Number) as MapCamera;

/**
 * Web Mercator at MapLibre's 512 px tiles, computed here and not by the app: a longitude/latitude (in the base
 * map's system) to CSS pixels from the map's top-left corner.
 */
export function projector(camera: MapCamera, size: { width: number; height: number }) {
  const [lng, lat, zoom] = camera;
  const world = 512 * 2 ** zoom;
  const x = (longitude: number) => ((longitude + 180) / 360) * world;
  const y = (latitude: number) => {
    const sin = Math.sin((latitude * Math.PI) / 180);
    return (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * world;
  };
  const [centreX, centreY] = [x(lng), y(lat)];
  return ([longitude, latitude]: readonly number[]): [number, number] => [
    x(longitude!) - centreX + size.width / 2,
    y(latitude!) - centreY + size.height / 2,
  ];
}
