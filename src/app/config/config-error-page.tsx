import { useTranslation } from 'react-i18next';
import type { ConfigProblem } from './load-config';

/** Shown instead of the app when the configuration cannot be used: says which file and which field. */
export function ConfigErrorPage({ url, problems }: { url: string; problems: ConfigProblem[] }) {
  const { t } = useTranslation('common');
  const describe = (problem: ConfigProblem): string => {
    switch (problem.kind) {
      case 'unreadable':
        return t('configError.unreadable', { reason: problem.reason });
      case 'malformed':
        return t('configError.malformed', { reason: problem.reason });
      case 'field':
        return t('configError.field', { field: problem.field, message: problem.message });
    }
  };
  return (
    <main className="start-error" role="alert">
      <h1>{t('configError.title')}</h1>
      <p>{t('configError.file', { url })}</p>
      <ul>
        {problems.map((problem, index) => (
          <li key={index}>{describe(problem)}</li>
        ))}
      </ul>
      <p>{t('configError.hint')}</p>
    </main>
  );
}

export function StartErrorPage({ reason }: { reason: string }) {
  const { t } = useTranslation('common');
  return (
    <main className="start-error" role="alert">
      <h1>{t('startError.title')}</h1>
      <p>{t('startError.mock', { reason })}</p>
    </main>
  );
}
