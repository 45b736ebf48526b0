import type { ReactNode } from 'react';

export function Panel({
  title,
  actions,
  children,
  className,
  testId,
}: {
  title: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  testId?: string;
}) {
  return (
    <section className={`panel ${className ?? ''}`} data-testid={testId}>
      <header className="panel-head">
        <h2>{title}</h2>
        {actions && <div className="panel-actions">{actions}</div>}
      </header>
      <div className="panel-body">{children}</div>
    </section>
  );
}

export type Tone = 'neutral' | 'good' | 'warn' | 'bad' | 'accent';

export function Kpi({
  label,
  value,
  hint,
  tone = 'neutral',
  testId,
}: {
  label: string;
  value: ReactNode;
  hint?: ReactNode;
  tone?: Tone;
  testId?: string;
}) {
  return (
    <div className={`kpi kpi-${tone}`} data-testid={testId}>
      <div className="kpi-label">{label}</div>
      <div className="kpi-value" data-testid={testId && `${testId}-value`}>
        {value}
      </div>
      {hint && <div className="kpi-hint">{hint}</div>}
    </div>
  );
}

/** A rate as a tone: the hall is judged on 100% on time, so anything below is shown. */
export function rateTone(rate: number | null | undefined): Tone {
  if (rate == null) return 'neutral';
  if (rate >= 0.98) return 'good';
  if (rate >= 0.9) return 'warn';
  return 'bad';
}
