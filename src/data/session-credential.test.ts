import { afterEach, describe, expect, it } from 'vitest';
import { runtimeConfigSchema } from '../domain/runtime-config';
import { resolveSource } from './data-source';
import { setSessionCredential } from './session-credential';

afterEach(() => setSessionCredential(null));

const config = runtimeConfigSchema.parse({
  api: { baseUrl: '/api', headers: { 'X-Jurisdiction': 'jincheng' } },
  auth: { issuer: 'https://idp.example.cn/realms/gov', clientId: 'gridboard' },
  sources: { cases: { provider: 'open311', url: 'https://12345.example.cn/open311/v2' } },
});

describe('the session token', () => {
  it('goes to the dashboard’s own server, read at each request (a renewed token at once), never to another source', () => {
    let token = 'first';
    setSessionCredential(() => token);
    const grids = resolveSource(config, 'grids');
    expect({ ...grids.headers }).toEqual({ 'X-Jurisdiction': 'jincheng', Authorization: 'Bearer first' });
    token = 'renewed';
    expect({ ...grids.headers }.Authorization).toBe('Bearer renewed');
    expect(resolveSource(config, 'cases').headers).toEqual({ 'X-Jurisdiction': 'jincheng' });
  });

  it('is absent in the demo (no session)', () => {
    expect(resolveSource(config, 'grids').headers).toEqual({ 'X-Jurisdiction': 'jincheng' });
  });
});

describe('config.json with sign-in', () => {
  it('refuses a credential header and a client secret, naming where', () => {
    const withToken = runtimeConfigSchema.safeParse({
      api: { baseUrl: '/api', headers: { authorization: 'Bearer x' } },
      auth: { issuer: 'https://idp.example.cn', clientId: 'gridboard' },
    });
    expect(withToken.success).toBe(false);
    expect(withToken.error?.issues[0]?.path).toEqual(['api', 'headers']);
    const withSecret = runtimeConfigSchema.safeParse({
      api: { baseUrl: '/api' },
      auth: { issuer: 'https://idp.example.cn', clientId: 'gridboard', clientSecret: 's' },
    });
    expect(withSecret.success).toBe(false);
  });
});
