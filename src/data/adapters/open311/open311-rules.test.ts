import { describe, expect, it } from 'vitest';
import { stageOfRequest } from './open311-stage';
import { splitWindows } from './open311-windows';
import { caseOfRequest } from './open311-case';
import { open311OptionsSchema, open311RequestSchema } from './open311.schema';

const dayMs = 86_400_000;
const request = (fields: Record<string, unknown>) =>
  open311RequestSchema.parse({ status: 'open', requested_datetime: '2026-11-01T08:00:00+08:00', ...fields });

describe('open311 rules', () => {
  it('cuts a long window into consecutive windows of at most 90 days', () => {
    const windows = splitWindows(0, 200 * dayMs, 90);
    expect(windows).toEqual([
      { from: 0, to: 90 * dayMs },
      { from: 90 * dayMs, to: 180 * dayMs },
      { from: 180 * dayMs, to: 200 * dayMs },
    ]);
    expect(splitWindows(5, 5, 90)).toEqual([]);
  });

  it('maps open and closed onto the six-step loop, preferring the stage attribute, then the notes', () => {
    const options = { stageAttribute: 'stage' };
    expect(stageOfRequest(request({ status: 'Closed ' }), options)).toBe('closed');
    expect(stageOfRequest(request({}), options)).toBe('handling');
    expect(stageOfRequest(request({ extended_attributes: { stage: 'assigned' } }), options)).toBe('assigned');
    expect(stageOfRequest(request({ status_notes: '已派单，正在处置' }), options)).toBe('handling');
    expect(stageOfRequest(request({ status_notes: '已立案' }), options)).toBe('filed');
    expect(stageOfRequest(request({ status_notes: 'closed by mistake' }), options)).toBe('handling');
  });

  it('reads numeric ids and string coordinates the way real servers send them', () => {
    const parsed = request({
      service_request_id: 638344,
      lat: '37.76',
      long: -122.46,
      media_url: 'http://x.test/a.jpg ',
    });
    expect(parsed).toMatchObject({
      service_request_id: '638344',
      lat: 37.76,
      long: -122.46,
      media_url: 'http://x.test/a.jpg',
    });
  });

  it('names the department from agency_responsible through the options, and none for an agency not listed', () => {
    const options = open311OptionsSchema.parse({ departments: { 'City Public Works': 'urban_management' } });
    const at = { lat: 35.5, long: 112.85, service_request_id: 'R1' };
    const mapped = caseOfRequest(
      request({ ...at, agency_responsible: 'City Public Works' }),
      new Map(),
      options,
    );
    expect(mapped?.properties).toMatchObject({
      department: 'urban_management',
      assignee: null,
      resolvedAtLevel: null,
      escalations: [],
      supervision: null,
    });
    const other = caseOfRequest(request({ ...at, agency_responsible: 'Parks' }), new Map(), options);
    expect(other?.properties.department).toBeNull();
  });
});
