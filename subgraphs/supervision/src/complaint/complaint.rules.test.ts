import { buildCatalogSeed } from '@hall/catalog';
import { WorkingCalendar } from '@hall/kit';
import { ComplaintStatus } from './complaint.entity';
import {
  acceptByOf,
  answerByOf,
  ComplaintAction,
  complaintActionsFrom,
  currentDeadline,
  nextComplaintStatus,
} from './complaint.rules';

describe('complaint deadlines', () => {
  // The hall's own calendar, as the catalog seeds it.
  const calendar = new WorkingCalendar(buildCatalogSeed().calendar);

  it('counts 5 working days to accept, skipping a weekend', () => {
    // Thursday 19 November 2026: Fri 20, Mon 23, Tue 24, Wed 25, Thu 26.
    expect(acceptByOf(calendar, '2026-11-19')).toBe('2026-11-26');
  });

  it('counts across the National Day holiday and its make-up Saturday', () => {
    expect(acceptByOf(calendar, '2026-09-29')).toBe('2026-10-12');
    // Wednesday 30 September: 8, 9, Saturday 10 (made up), 12 … 16, 19, 20 October.
    expect(answerByOf(calendar, '2026-09-30')).toBe('2026-10-20');
  });

  it('runs against acceptBy, then answerBy, then nothing', () => {
    const complaint = { acceptBy: '2026-10-12', answerBy: '2026-10-27' };
    expect(currentDeadline({ ...complaint, status: ComplaintStatus.RECEIVED })).toBe('2026-10-12');
    expect(currentDeadline({ ...complaint, status: ComplaintStatus.ACCEPTED })).toBe('2026-10-27');
    expect(currentDeadline({ ...complaint, status: ComplaintStatus.ANSWERED })).toBeNull();
  });
});

describe('complaint steps', () => {
  it('allows received → accepted or rejected, accepted → answered → closed, nothing after', () => {
    expect(nextComplaintStatus(ComplaintStatus.RECEIVED, ComplaintAction.ACCEPT)).toBe(
      ComplaintStatus.ACCEPTED,
    );
    expect(nextComplaintStatus(ComplaintStatus.RECEIVED, ComplaintAction.REJECT)).toBe(
      ComplaintStatus.REJECTED,
    );
    expect(nextComplaintStatus(ComplaintStatus.RECEIVED, ComplaintAction.ANSWER)).toBeNull();
    expect(nextComplaintStatus(ComplaintStatus.ACCEPTED, ComplaintAction.CLOSE)).toBeNull();
    expect(nextComplaintStatus(ComplaintStatus.ANSWERED, ComplaintAction.CLOSE)).toBe(
      ComplaintStatus.CLOSED,
    );
    expect(complaintActionsFrom(ComplaintStatus.CLOSED)).toEqual([]);
    expect(complaintActionsFrom(ComplaintStatus.REJECTED)).toEqual([]);
  });
});
