import type { WorkingCalendar } from '@hall/kit';
import {
  CALL_BACK_WORKING_DAYS,
  RECTIFY_WORKING_DAYS,
  RectificationStatus,
  type RectificationTicket,
} from './rectification.entity';

/** The two deadlines of a bad review rated on `ratedOn`, in working days on the calendar. */
export function rectificationDeadlines(
  calendar: WorkingCalendar,
  ratedOn: string,
): { callBackBy: string; rectifyBy: string } {
  return {
    callBackBy: calendar.addWorkingDays(ratedOn, CALL_BACK_WORKING_DAYS),
    rectifyBy: calendar.addWorkingDays(ratedOn, RECTIFY_WORKING_DAYS),
  };
}

/** Not called back and the call-back day has passed. */
export function callBackOverdue(ticket: RectificationTicket, today: string): boolean {
  return ticket.status === RectificationStatus.OPEN && ticket.callBackBy < today;
}

/** Not rectified (nor voided) and the rectification day has passed. */
export function rectificationOverdue(ticket: RectificationTicket, today: string): boolean {
  return (
    (ticket.status === RectificationStatus.OPEN ||
      ticket.status === RectificationStatus.CALLED_BACK) &&
    ticket.rectifyBy < today
  );
}
