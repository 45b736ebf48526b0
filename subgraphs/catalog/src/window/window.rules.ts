import { badUserInput } from '@hall/kit';
import { OrganizationKind } from '../organization/organization.entity';
import { WindowKind } from './window.entity';

const ORGANIZATION_WINDOW: Partial<Record<WindowKind, OrganizationKind>> = {
  [WindowKind.INTERMEDIARY_AGENCY]: OrganizationKind.INTERMEDIARY_AGENCY,
  [WindowKind.BANK]: OrganizationKind.BANK,
  [WindowKind.BUSINESS_CENTER]: OrganizationKind.BUSINESS_CENTER,
};

/**
 * A department window belongs to a staffed department; an agency, bank or business center
 * window to an organisation of that kind; the service bureau's own windows to neither.
 */
export function checkWindowOwner(
  kind: WindowKind,
  owner: { departmentId?: string; organizationKind?: OrganizationKind },
): void {
  const expectedOrganization = ORGANIZATION_WINDOW[kind];
  if (kind === WindowKind.DEPARTMENT) {
    if (!owner.departmentId || owner.organizationKind) {
      throw badUserInput('A department window needs a department and no organisation', {
        field: 'input.departmentId',
      });
    }
    return;
  }
  if (owner.departmentId) {
    throw badUserInput(`A ${kind} window belongs to no department`, {
      field: 'input.departmentId',
    });
  }
  if (expectedOrganization) {
    if (owner.organizationKind !== expectedOrganization) {
      throw badUserInput(`A ${kind} window needs an organisation of kind ${expectedOrganization}`, {
        field: 'input.organizationId',
      });
    }
  } else if (owner.organizationKind) {
    throw badUserInput(`A ${kind} window belongs to no organisation`, {
      field: 'input.organizationId',
    });
  }
}
