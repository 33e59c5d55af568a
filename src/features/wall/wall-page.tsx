import { useTranslation } from 'react-i18next';
import { useRuntimeConfig } from '../../ui/runtime-config-context';

/** The wall-display route. Its layout, tour and self-recovery are built in the wall capability. */
export default function WallPage() {
  const { t } = useTranslation('common');
  const config = useRuntimeConfig();
  return (
    <main className="wall">
      <h1>{config.title}</h1>
      <p>{t('modePlaceholder.wall')}</p>
    </main>
  );
}
