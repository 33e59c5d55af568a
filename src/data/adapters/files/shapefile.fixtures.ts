import { crc32 } from 'node:zlib';

/**
 * A zipped point Shapefile built byte by byte (ESRI Shapefile Technical Description; dBASE III; ZIP "stored"), so
 * the parser test needs no GIS tool and no binary fixture in the repository.
 */
export function pointShapefileZip(points: readonly { x: number; y: number; name: string }[]): ArrayBuffer {
  const shp = Buffer.alloc(100 + points.length * 28);
  shp.writeInt32BE(9994, 0);
  shp.writeInt32BE(shp.length / 2, 24);
  shp.writeInt32LE(1000, 28);
  shp.writeInt32LE(1, 32);
  points.forEach((point, index) => {
    const at = 100 + index * 28;
    shp.writeInt32BE(index + 1, at);
    shp.writeInt32BE(10, at + 4);
    shp.writeInt32LE(1, at + 8);
    shp.writeDoubleLE(point.x, at + 12);
    shp.writeDoubleLE(point.y, at + 20);
  });
  const width = 20;
  const dbf = Buffer.alloc(32 + 32 + 1 + points.length * (width + 1) + 1, 0x20);
  dbf.fill(0, 0, 65);
  dbf.writeUInt8(0x03, 0);
  dbf.writeUInt32LE(points.length, 4);
  dbf.writeUInt16LE(65, 8);
  dbf.writeUInt16LE(width + 1, 10);
  dbf.write('NAME', 32, 'latin1');
  dbf.write('C', 43, 'latin1');
  dbf.writeUInt8(width, 48);
  dbf.writeUInt8(0x0d, 64);
  points.forEach((point, index) =>
    dbf.write(point.name.padEnd(width), 65 + index * (width + 1) + 1, 'latin1'),
  );
  dbf.writeUInt8(0x1a, dbf.length - 1);
  return storedZip({ 'points.shp': shp, 'points.dbf': dbf });
}

function storedZip(files: Record<string, Buffer>): ArrayBuffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of Object.entries(files)) {
    const nameBytes = Buffer.from(name, 'latin1');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt32LE(crc32(data), 14);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(header, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += header.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  const zip = Buffer.concat([...locals, directory, end]);
  return zip.buffer.slice(zip.byteOffset, zip.byteOffset + zip.length);
}
