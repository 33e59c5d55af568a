import { gridId, type GridId } from '../../src/domain/ids';

/** A grid's id and code: its community's 12-digit code and a 3-digit serial, "140502001001" + "001". */
export const gridIdOf = (communityCode: string, serial: number): GridId =>
  gridId(`${communityCode}${String(serial).padStart(3, '0')}`);
