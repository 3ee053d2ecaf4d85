import { useI18n } from '../i18n';
import { useSession } from '../session';

/** Switches between Dutch and English; for a signed-in user the choice is saved (PATCH /auth/me). */
export function LanguageSwitch() {
  const { language, setLanguage } = useSession();
  const { t } = useI18n();
  const next = language === 'nl' ? 'en' : 'nl';
  return (
    <button
      type="button"
      className="button button-link language-switch"
      lang={next}
      onClick={() => void setLanguage(next)}
      aria-label={t('nav.switchLanguage')}
    >
      {next === 'en' ? 'English' : 'Nederlands'}
    </button>
  );
}
