import { describe, expect, it } from 'vitest';
import { acceptsColumnar } from './negotiate';
import { columnarMediaType } from './points-columnar';

describe('acceptsColumnar (content negotiation for point layers)', () => {
  it('answers columnar only when the client names the type and does not prefer JSON', () => {
    expect(acceptsColumnar(columnarMediaType)).toBe(true);
    expect(acceptsColumnar(`${columnarMediaType}, application/json;q=0.5`)).toBe(true);
    expect(acceptsColumnar(`application/json, ${columnarMediaType};q=0.5`)).toBe(false);
    expect(acceptsColumnar(`${columnarMediaType};q=0`)).toBe(false);
  });
  it('keeps GeoJSON the default for clients that never heard of the format', () => {
    expect(acceptsColumnar(null)).toBe(false);
    expect(acceptsColumnar('*/*')).toBe(false);
    expect(acceptsColumnar('application/json')).toBe(false);
    expect(acceptsColumnar('application/octet-stream')).toBe(false);
  });
});
