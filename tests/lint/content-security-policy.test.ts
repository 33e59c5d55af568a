import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, contentSecurityPolicyWith } from '../../csp.config';

/** The policy's directives as a map, each directive's sources in order. */
const directives = (policy: string) =>
  new Map(
    policy.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources] as const;
    }),
  );

describe('the Content-Security-Policy for camera video', () => {
  it("plays media from the app's own origin and from blob: (hls.js's Media Source) and nowhere else", () => {
    expect(directives(contentSecurityPolicy).get('media-src')).toEqual(["'self'", 'blob:']);
  });

  it('adds the configured media origins to media-src and connect-src, and changes nothing else', () => {
    const policy = directives(
      contentSecurityPolicyWith([], ['https://video.example.cn/hls/', 'http://10.1.2.3:8080']),
    );
    const base = directives(contentSecurityPolicy);
    expect(policy.get('media-src')).toEqual([
      "'self'",
      'blob:',
      'https://video.example.cn',
      'http://10.1.2.3:8080',
    ]);
    expect(policy.get('connect-src')).toEqual([
      "'self'",
      'data:',
      'blob:',
      'https://video.example.cn',
      'http://10.1.2.3:8080',
    ]);
    for (const [name, sources] of base)
      if (name !== 'media-src' && name !== 'connect-src') expect(policy.get(name), name).toEqual(sources);
  });

  it('names a data origin once in connect-src when it also serves video, and not in media-src', () => {
    const policy = directives(
      contentSecurityPolicyWith(['https://gis.example.cn'], ['https://gis.example.cn']),
    );
    expect(policy.get('connect-src')).toEqual(["'self'", 'data:', 'blob:', 'https://gis.example.cn']);
    expect(directives(contentSecurityPolicyWith(['https://gis.example.cn'])).get('media-src')).toEqual([
      "'self'",
      'blob:',
    ]);
  });
});
