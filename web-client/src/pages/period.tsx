import { useQuery } from 'urql';
import { useSearchParams } from 'wouter';
import {
  addDays,
  daysBetween,
  startOfMonth,
  startOfQuarter,
  startOfWeek,
  startOfYear,
} from '../format';
import { HALL_TODAY } from '../graphql/operations';
import type { Granularity, HallToday, LightCounts } from '../graphql/types';
import { useI18n } from '../i18n/i18n';

export const PRESETS = ['today', 'week', 'month', 'quarter', 'year', 'lastYear', 'custom'] as const;
export type Preset = (typeof PRESETS)[number];

export interface Period {
  preset: Preset;
  from: string;
  to: string;
  /** The trend's step: days for up to two months, months up to three years, else years. */
  granularity: Granularity;
}

function isPreset(value: string | null): value is Preset {
  return value !== null && (PRESETS as readonly string[]).includes(value);
}

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The period of a preset, counted back from the hall's today (not the browser's). */
export function periodOf(preset: Preset, today: string, from?: string, to?: string): Period {
  let range: [string, string];
  switch (preset) {
    case 'today':
      range = [today, today];
      break;
    case 'week':
      range = [startOfWeek(today), today];
      break;
    case 'month':
      range = [startOfMonth(today), today];
      break;
    case 'quarter':
      range = [startOfQuarter(today), today];
      break;
    case 'lastYear': {
      const year = Number(today.slice(0, 4)) - 1;
      range = [`${year}-01-01`, `${year}-12-31`];
      break;
    }
    case 'custom':
      range =
        from && to && LOCAL_DATE.test(from) && LOCAL_DATE.test(to) && from <= to
          ? [from, to]
          : [startOfYear(today), today];
      break;
    case 'year':
    default:
      range = [startOfYear(today), today];
  }
  const span = daysBetween(range[0], range[1]);
  const granularity: Granularity = span <= 62 ? 'DAY' : span <= 3 * 366 ? 'MONTH' : 'YEAR';
  return { preset, from: range[0], to: range[1], granularity };
}

/**
 * The dashboard's period, kept in the address (?period=month, or ?from=…&to=…) so that a
 * drill-down from a department to a matter to a case keeps it, and a link can be shared.
 */
export function usePeriod(today: string | undefined): {
  period: Period | null;
  search: string;
  choose(preset: Preset, from?: string, to?: string): void;
} {
  const [params, setParams] = useSearchParams();
  const raw = params.get('period');
  const preset: Preset = isPreset(raw) ? raw : 'year';
  const period = today
    ? periodOf(preset, today, params.get('from') ?? undefined, params.get('to') ?? undefined)
    : null;
  const search = params.toString() ? `?${params.toString()}` : '';
  return {
    period,
    search,
    choose(next, from, to) {
      const update = new URLSearchParams();
      if (next !== 'year') update.set('period', next);
      if (next === 'custom' && from && to) {
        update.set('from', from);
        update.set('to', to);
      }
      setParams(update, { replace: true });
    },
  };
}

/** The hall's today and its lights, which every dashboard page starts from. */
export function useHallToday() {
  return useQuery<{ hallToday: HallToday; lightCounts: LightCounts }>({ query: HALL_TODAY });
}

export function PeriodPicker({
  period,
  choose,
}: {
  period: Period;
  choose(preset: Preset, from?: string, to?: string): void;
}) {
  const { t } = useI18n();
  return (
    <div className="period-picker" role="group" aria-label={t('period.label')}>
      {PRESETS.filter((preset) => preset !== 'custom').map((preset) => (
        <button
          key={preset}
          type="button"
          className={period.preset === preset ? 'seg active' : 'seg'}
          aria-pressed={period.preset === preset}
          data-period={preset}
          onClick={() => choose(preset)}
        >
          {t(`period.${preset}`)}
        </button>
      ))}
      <span className="period-custom">
        <input
          className="input input-date"
          type="date"
          aria-label={t('period.from')}
          value={period.from}
          max={period.to}
          onChange={(event) =>
            event.target.value && choose('custom', event.target.value, period.to)
          }
        />
        <span className="muted">–</span>
        <input
          className="input input-date"
          type="date"
          aria-label={t('period.to')}
          value={period.to}
          min={period.from}
          onChange={(event) =>
            event.target.value && choose('custom', period.from, event.target.value)
          }
        />
      </span>
    </div>
  );
}

/** A period one step wider, for a trend that needs more than one point (e.g. "today"). */
export function trendPeriod(period: Period): Period {
  if (period.preset === 'today' || daysBetween(period.from, period.to) < 6) {
    return { ...period, from: addDays(period.to, -29), granularity: 'DAY' };
  }
  return period;
}
