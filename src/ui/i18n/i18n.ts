import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';

/**
 * i18next with every namespace bundled (no network beyond the app's own origin: the app runs on intranets).
 * Messages live in locales/<language>/<namespace>.json, one namespace per room so rooms don't edit each other's
 * files. Chinese, the fallback, is in the first download; another language's messages are a chunk of their own,
 * loaded before it is first shown (≈ 10 kB gzipped of the 800 kB initial-JS budget for English alone).
 */
export const languages = ['zh-CN', 'en'] as const;
export type Language = (typeof languages)[number];
const storageKey = 'gridboard.language';

type Messages = Record<string, unknown>;
const fallbackModules = import.meta.glob<{ default: Messages }>('./locales/zh-CN/*.json', { eager: true });
const otherModules = import.meta.glob<{ default: Messages }>([
  './locales/*/*.json',
  '!./locales/zh-CN/*.json',
]);

const pathParts = (path: string) => /\.\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path);

function fallbackResources(): Record<string, Record<string, Messages>> {
  const namespaces: Record<string, Messages> = {};
  for (const [path, module] of Object.entries(fallbackModules)) {
    const namespace = pathParts(path)?.[2];
    if (namespace) namespaces[namespace] = module.default;
  }
  return { 'zh-CN': namespaces };
}

/** Adds a language's namespaces to the instance (a no-op for Chinese, which came with the app). */
export async function loadLanguage(instance: I18n, language: Language): Promise<void> {
  const loads = Object.entries(otherModules)
    .filter(([path]) => pathParts(path)?.[1] === language)
    .map(async ([path, load]) => {
      const namespace = pathParts(path)?.[2];
      if (namespace && !instance.hasResourceBundle(language, namespace))
        instance.addResourceBundle(language, namespace, (await load()).default);
    });
  await Promise.all(loads);
}

const isLanguage = (value: unknown): value is Language => languages.some((language) => language === value);

/** The user's own choice wins over the deployment's default, and is kept across reloads. */
export function storedLanguage(): Language | null {
  try {
    const value = window.localStorage.getItem(storageKey);
    return isLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

export function rememberLanguage(language: Language): void {
  try {
    window.localStorage.setItem(storageKey, language);
  } catch {
    // Storage may be disabled on locked-down displays; the choice then lasts for this page only.
  }
}

export async function initI18n(defaultLanguage: Language): Promise<I18n> {
  const instance = i18next.createInstance();
  const language = storedLanguage() ?? defaultLanguage;
  await instance.use(initReactI18next).init({
    resources: fallbackResources(),
    lng: language,
    fallbackLng: 'zh-CN',
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  await loadLanguage(instance, language);
  // Told again once its messages are in: the first render is in the chosen language, never Chinese first.
  await instance.changeLanguage(language);
  document.documentElement.lang = instance.language;
  instance.on('languageChanged', (language) => {
    document.documentElement.lang = language;
  });
  return instance;
}
