import { useState } from 'react';
import { useLocation } from 'wouter';
import { homeOf, useSession } from '../auth/session-context';
import { isExpired, tokensIn, type Session } from '../auth/session';
import { useI18n } from '../i18n/i18n';

export function SignInPage() {
  const { t, language, setLanguage } = useI18n();
  const { known, signIn } = useSession();
  const [, navigate] = useLocation();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [pasted, setPasted] = useState<Session[]>([]);
  const choices = [...pasted, ...known.filter((k) => !pasted.some((p) => p.role === k.role))];

  const enter = (session: Session, all: Session[] = []) => {
    signIn(session, all);
    navigate(homeOf(session.role));
  };

  const submit = () => {
    const found = tokensIn(text);
    const valid = found.filter((session) => !isExpired(session));
    if (found.length === 0) return setProblem(t('signIn.invalid'));
    if (valid.length === 0) return setProblem(t('signIn.expired'));
    setProblem(null);
    if (valid.length === 1) return enter(valid[0]!, valid);
    setPasted(valid);
    return undefined;
  };

  return (
    <div className="sign-in">
      <div className="sign-in-card">
        <div className="brand brand-large">
          <span className="brand-mark" aria-hidden="true">
            政
          </span>
          <div>
            <div className="brand-title">{t('app.title')}</div>
            <div className="brand-subtitle">{t('app.subtitle')}</div>
          </div>
        </div>
        <h1>{t('signIn.title')}</h1>
        <p className="muted">{t('signIn.intro')}</p>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <label className="field">
            <span>{t('signIn.paste')}</span>
            <textarea
              className="input token-input"
              rows={5}
              value={text}
              placeholder={t('signIn.placeholder')}
              onChange={(event) => setText(event.target.value)}
              data-testid="token-input"
            />
          </label>
          {problem && (
            <p className="notice notice-error" role="alert">
              {problem}
            </p>
          )}
          <div className="row">
            <button type="submit" className="btn btn-primary" data-testid="sign-in">
              {t('signIn.submit')}
            </button>
            <button
              type="button"
              className="btn btn-ghost"
              onClick={() => setLanguage(language === 'zh' ? 'en' : 'zh')}
            >
              {t('nav.language')}
            </button>
          </div>
        </form>
        {choices.length > 0 && (
          <div className="role-choices">
            <h2>{t('signIn.choose')}</h2>
            <div className="role-grid">
              {choices.map((session) => (
                <button
                  key={session.token}
                  type="button"
                  className="btn role-choice"
                  data-role={session.role}
                  onClick={() => enter(session, choices)}
                >
                  {t(`role.${session.role}`)}
                  <small>{session.subject}</small>
                </button>
              ))}
            </div>
          </div>
        )}
      </div>
    </div>
  );
}
