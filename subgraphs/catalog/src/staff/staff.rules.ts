import { badUserInput } from '@hall/kit';
import type { Window } from '../window/window.entity';
import { StaffEmployer } from './staff.entity';

/**
 * A person belongs to exactly the employer the record names: department staff to a
 * department, stationed staff to an organisation, service bureau staff to neither; and sits
 * only at a window of that employer (the bureau's own windows for bureau staff).
 */
export function checkStaffPlacement(
  employer: StaffEmployer,
  departmentId: string | null | undefined,
  organizationId: string | null | undefined,
  window: Window | null | undefined,
): void {
  const fail = (message: string, field: string) => {
    throw badUserInput(message, { field });
  };
  if (employer === StaffEmployer.DEPARTMENT && (!departmentId || organizationId)) {
    fail('Department staff need a department and no organisation', 'input.departmentId');
  }
  if (employer === StaffEmployer.ORGANIZATION && (!organizationId || departmentId)) {
    fail('Stationed staff need an organisation and no department', 'input.organizationId');
  }
  if (employer === StaffEmployer.SERVICE_BUREAU && (departmentId || organizationId)) {
    fail('Service bureau staff belong to no department or organisation', 'input.departmentId');
  }
  if (!window) return;
  const windowEmployerMatches =
    employer === StaffEmployer.DEPARTMENT
      ? window.departmentId === departmentId
      : employer === StaffEmployer.ORGANIZATION
        ? window.organizationId === organizationId
        : !window.departmentId && !window.organizationId;
  if (!windowEmployerMatches) {
    fail(`Window ${window.code} belongs to another employer`, 'input.windowId');
  }
}
