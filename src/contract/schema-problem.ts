/**
 * The kind of problem a refused document or buffer had: a missing or wrongly typed field, an unknown value, a
 * number out of range… Shared by the client's alerts (DataError's `invalid-data` detail) and the codecs here.
 */
export type SchemaProblem =
  | 'missing'
  | 'type'
  | 'value'
  | 'range'
  | 'format'
  | 'ring'
  | 'selfIntersection'
  | 'duplicate'
  /** Longitude and latitude the wrong way round: outside the city, inside it when swapped. */
  | 'swapped'
  | 'other';
