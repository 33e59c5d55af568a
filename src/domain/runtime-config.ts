import { z } from 'zod';
import { defaultAssessmentWeights } from './assessment-weights';

/**
 * The runtime configuration (public/config.json, or the file named by ?config=). One build serves every
 * deployment: what differs between cities lives here, never in a rebuild. docs/configuration.md documents each key.
 */
export const layerKinds = [
  'regions',
  'grids',
  'cameras',
  'stations',
  'cases',
  'indicators',
  'workers',
] as const;
export type LayerKind = (typeof layerKinds)[number];

export const providerKinds = ['rest', 'open311', 'ogc', 'files', 'wfs', 'arcgis'] as const;
export type ProviderKind = (typeof providerKinds)[number];

const headersSchema = z.record(z.string(), z.string());

const sourceSchema = z
  .object({
    provider: z.enum(providerKinds).default('rest'),
    /** Base URL of that provider; defaults to api.baseUrl. */
    url: z.string().min(1).optional(),
    headers: headersSchema.optional(),
    /** Provider-specific settings (collection id, property mapping, jurisdiction…), read by its adapter. */
    options: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();
export type SourceConfig = z.infer<typeof sourceSchema>;

/** Base maps a city can name instead of spelling out tile URLs (docs/configuration.md, "Base map presets"). */
export const basemapKinds = ['none', 'raster', 'style', 'tianditu', 'wmts'] as const;

const basemapSchema = z
  .object({
    kind: z.enum(basemapKinds).default('none'),
    /** raster: an XYZ template; style: a MapLibre style URL; wmts: the service's GetCapabilities URL. */
    url: z.string().min(1).optional(),
    crs: z.enum(['wgs84', 'gcj02']).default('wgs84'),
    attribution: z.string().optional(),
    tileSize: z.number().int().positive().default(256),
    minZoom: z.number().min(0).max(24).default(0),
    maxZoom: z.number().min(0).max(24).default(18),
    /** Values for `{s}` in a raster template (AMap's 1–4, Tencent's 0–3): one tile URL per value. */
    subdomains: z.array(z.string().min(1)).min(1).optional(),
    /** `tms` for servers that count tile rows from the south (Tencent's classic tiles). */
    scheme: z.enum(['xyz', 'tms']).default('xyz'),
    /** Tianditu: vector (vec + cva) or imagery (img + cia); `key` is Tianditu's browser key (tk). */
    tianditu: z
      .object({ layer: z.enum(['vector', 'imagery']).default('vector'), key: z.string().min(1) })
      .strict()
      .optional(),
    /** WMTS: the layer to draw (its ows:Identifier); the first layer when absent. */
    wmts: z
      .object({ layer: z.string().min(1).optional() })
      .strict()
      .optional(),
  })
  .strict()
  .refine((basemap) => !['raster', 'style', 'wmts'].includes(basemap.kind) || basemap.url !== undefined, {
    message: 'basemap.url is required when basemap.kind is "raster", "style" or "wmts"',
    path: ['url'],
  })
  .refine((basemap) => basemap.kind !== 'tianditu' || basemap.tianditu !== undefined, {
    message: 'basemap.tianditu.key is required when basemap.kind is "tianditu"',
    path: ['tianditu'],
  })
  .refine((basemap) => basemap.kind !== 'tianditu' || basemap.crs === 'wgs84', {
    message: 'Tianditu tiles are CGCS2000 (WGS84 within centimetres): basemap.crs must be "wgs84"',
    path: ['crs'],
  });
export type BasemapConfig = z.infer<typeof basemapSchema>;

const privacySchema = z
  .object({
    /** Mask residents' and workers' names and phone numbers (always on in wall mode). */
    maskPersonalData: z.boolean().default(false),
    /** Counts below this are shown as "<N" on public screens. */
    minimumCount: z.number().int().min(1).default(3),
  })
  .strict();

/**
 * What a wall scene may show: the grid types, the heat of the window's cases, new cases pulsing where they come
 * in, the early-warning grids ringed, cameras (by status, clustered), service stations and their areas.
 */
export const wallLayers = [
  'grids',
  'heat',
  'pulses',
  'warnings',
  'cameras',
  'stations',
  'serviceAreas',
] as const;
export type WallLayer = (typeof wallLayers)[number];

/** Grid worker assessment (考核, src/domain/worker-assessment.ts): the weight of each part of the score. */
const weight = z.number().min(0).max(100);
const assessmentSchema = z
  .object({
    weights: z
      .object({
        patrolShare: weight.default(defaultAssessmentWeights.patrolShare),
        settledInGrid: weight.default(defaultAssessmentWeights.settledInGrid),
        onTime: weight.default(defaultAssessmentWeights.onTime),
        satisfaction: weight.default(defaultAssessmentWeights.satisfaction),
      })
      .strict()
      .refine(
        (weights) => Object.values(weights).some((value) => value > 0),
        'at least one assessment weight must be above 0',
      )
      .default(defaultAssessmentWeights),
  })
  .strict();

const wallSceneSchema = z
  .object({
    region: z.string().min(1).optional(),
    layers: z.array(z.enum(wallLayers)).optional(),
    /** "earlyWarning": the scene flies to the worst early-warning grid of its region (or stays put if none). */
    focus: z.literal('earlyWarning').optional(),
    seconds: z.number().positive().default(30),
  })
  .strict();

const wallSchema = z
  .object({
    designWidth: z.number().int().positive().default(3840),
    designHeight: z.number().int().positive().default(2160),
    tour: z.array(wallSceneSchema).default([]),
    idleResumeSeconds: z.number().positive().default(60),
    /** How long the banner for a new overdue or early-warning case stays on the wall. */
    alertSeconds: z.number().positive().default(30),
    /**
     * Cameras the wall keeps open in its video panel from the start (a command centre's pinned feeds of its key
     * sites), by id: at most four, the panel's 2×2 grid.
     */
    cameras: z.array(z.string().min(1)).max(4).default([]),
    /** Local time "HH:MM" for a daily full reload, or absent. */
    dailyReloadAt: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use 24-hour "HH:MM"')
      .optional(),
  })
  .strict();

const plannerSchema = z
  .object({
    householdsPerGrid: z
      .tuple([z.number().int().nonnegative(), z.number().int().positive()])
      .default([300, 500]),
    minimumAreaSquareMetres: z.number().nonnegative().default(2000),
    minimumWidthMetres: z.number().nonnegative().default(20),
  })
  .strict();

/** Camera video and what it covers (docs/configuration.md, "Video"). */
const videoSchema = z
  .object({
    /**
     * Origins other than the dashboard's own that serve camera streams and pictures (the city's video platform).
     * The deployment's Content-Security-Policy must add the same to media-src (csp.config.ts); the player names a
     * stream from anywhere else as refused rather than leave a blank picture.
     */
    mediaOrigins: z
      .array(
        z
          .url()
          .refine(
            (url) => new URL(url).origin === url.replace(/\/+$/, ''),
            'an origin, e.g. https://video.example.cn',
          ),
      )
      .default([]),
    /** A key site is covered when an online camera stands within this many metres of it (default 100). */
    keySiteCoverageMetres: z.number().positive().max(5000).default(100),
  })
  .strict();
export type VideoConfig = z.infer<typeof videoSchema>;

/**
 * Sign-in with the city's OpenID Connect provider (authorization code + PKCE, a public client): where it is and
 * who the dashboard is. Strict: a client secret has no key here, because this file is public (docs/security.md).
 */
const authSchema = z
  .object({
    issuer: z.url(),
    clientId: z.string().min(1),
    scopes: z.string().min(1).default('openid profile'),
  })
  .strict();
export type AuthConfig = z.infer<typeof authSchema>;

/** Headers that carry a credential: with sign-in configured, the session sends the dashboard's own. */
const credentialHeaders = ['authorization', 'cookie', 'proxy-authorization'];

export const runtimeConfigSchema = z
  .object({
    title: z.string().min(1).default('Gridboard'),
    locale: z.enum(['zh-CN', 'en']).default('zh-CN'),
    mock: z.boolean().default(false),
    api: z
      .object({
        baseUrl: z.string().min(1),
        headers: headersSchema.default({}),
        /** How long one request may take before its layer reports a timeout (default 30). */
        timeoutSeconds: z.number().positive().max(600).optional(),
      })
      .strict(),
    sources: z.partialRecord(z.enum(layerKinds), sourceSchema).default({}),
    refreshSeconds: z.number().int().min(5).max(86400).default(60),
    /**
     * The share (0–1) of a layer's features that may be invalid: they are left out with a notice and the rest is
     * drawn. Past it the whole layer fails with its alert (default 0.5: most of the layer bad).
     */
    maxInvalidShare: z.number().min(0).max(1).default(0.5),
    /** The IANA time zone every time on screen is shown in, whatever the display machine's own zone. */
    timeZone: z
      .string()
      .refine((zone) => {
        try {
          new Intl.DateTimeFormat('en', { timeZone: zone });
          return true;
        } catch {
          return false;
        }
      }, 'not an IANA time zone (e.g. "Asia/Shanghai")')
      .default('Asia/Shanghai'),
    basemap: basemapSchema.default({
      kind: 'none',
      crs: 'wgs84',
      tileSize: 256,
      minZoom: 0,
      maxZoom: 18,
      scheme: 'xyz',
    }),
    privacy: privacySchema.default({ maskPersonalData: false, minimumCount: 3 }),
    auth: authSchema.optional(),
    wall: wallSchema.default({
      designWidth: 3840,
      designHeight: 2160,
      tour: [],
      idleResumeSeconds: 60,
      alertSeconds: 30,
      cameras: [],
    }),
    video: videoSchema.default({ mediaOrigins: [], keySiteCoverageMetres: 100 }),
    assessment: assessmentSchema.default({ weights: defaultAssessmentWeights }),
    planner: plannerSchema.default({
      householdsPerGrid: [300, 500],
      minimumAreaSquareMetres: 2000,
      minimumWidthMetres: 20,
    }),
  })
  .strict()
  .refine(
    (config) =>
      !config.auth ||
      !Object.keys(config.api.headers).some((name) => credentialHeaders.includes(name.toLowerCase())),
    {
      path: ['api', 'headers'],
      message:
        'a credential in config.json is readable by anyone who loads the page: with "auth" set, the signed-in session sends the token',
    },
  );

export type RuntimeConfig = z.infer<typeof runtimeConfigSchema>;
