import { z } from 'zod';

/**
 * The runtime configuration (public/config.json, or the file named by ?config=). One build serves every
 * deployment: what differs between cities lives here, never in a rebuild. docs/configuration.md documents each key.
 */
export const layerKinds = ['regions', 'grids', 'cameras', 'stations', 'cases', 'indicators'] as const;
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

const basemapSchema = z
  .object({
    kind: z.enum(['none', 'raster', 'style']).default('none'),
    url: z.string().min(1).optional(),
    crs: z.enum(['wgs84', 'gcj02']).default('wgs84'),
    attribution: z.string().optional(),
    tileSize: z.number().int().positive().default(256),
    maxZoom: z.number().min(0).max(24).default(18),
  })
  .strict()
  .refine((basemap) => basemap.kind === 'none' || basemap.url !== undefined, {
    message: 'basemap.url is required when basemap.kind is "raster" or "style"',
    path: ['url'],
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

const wallSceneSchema = z
  .object({
    region: z.string().min(1).optional(),
    layers: z.array(z.string()).optional(),
    seconds: z.number().positive().default(30),
  })
  .strict();

const wallSchema = z
  .object({
    designWidth: z.number().int().positive().default(3840),
    designHeight: z.number().int().positive().default(2160),
    tour: z.array(wallSceneSchema).default([]),
    idleResumeSeconds: z.number().positive().default(60),
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
    basemap: basemapSchema.default({ kind: 'none', crs: 'wgs84', tileSize: 256, maxZoom: 18 }),
    privacy: privacySchema.default({ maskPersonalData: false, minimumCount: 3 }),
    wall: wallSchema.default({ designWidth: 3840, designHeight: 2160, tour: [], idleResumeSeconds: 60 }),
    planner: plannerSchema.default({
      householdsPerGrid: [300, 500],
      minimumAreaSquareMetres: 2000,
      minimumWidthMetres: 20,
    }),
  })
  .strict();

export type RuntimeConfig = z.infer<typeof runtimeConfigSchema>;
