import { type FormEvent, useEffect, useState } from 'react';

import { useI18n } from '../i18n';
import { navigate, useLocation } from '../router';

/** The one search box in the top bar; the results page shows what the server lets the user read. */
export function SearchBox() {
  const { t } = useI18n();
  const location = useLocation();
  const onResults = location.path === '/search';
  const [q, setQ] = useState(onResults ? (location.query.get('q') ?? '') : '');
  useEffect(() => {
    if (onResults) {
      setQ(location.query.get('q') ?? '');
    }
  }, [onResults, location.query]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const words = q.trim();
    if (words) {
      navigate(`/search?q=${encodeURIComponent(words)}`);
    }
  };
  return (
    <form role="search" className="search-box" onSubmit={submit}>
      <label htmlFor="search-q" className="visually-hidden">
        {t('search.label')}
      </label>
      <input
        id="search-q"
        type="search"
        name="q"
        value={q}
        maxLength={200}
        placeholder={t('search.placeholder')}
        onChange={(e) => setQ(e.target.value)}
      />
      <button type="submit" className="button button-secondary">
        {t('search.submit')}
      </button>
    </form>
  );
}
