import type { SeedContext } from '@hall/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Complaint } from '../complaint/complaint.entity';
import { FeePermit } from '../fee-permit/fee-permit.entity';
import { InspectionRequest } from '../inspection/inspection-request.entity';
import { SocialSupervisor } from '../supervisor/social-supervisor.entity';
import { buildSupervisionSeed } from './supervision-seed';

/** Seeded once the social supervisors are there: every seed, with or without history, has them. */
export async function isSupervisionSeeded(em: EntityManager): Promise<boolean> {
  return (await em.count(SocialSupervisor, {})) > 0;
}

/**
 * Seeds the supervision schema inside the seeding transaction: the 20 social supervisors,
 * and with `history` the gazette's complaints, inspection requests and fee permits. The
 * history is closed business, so it is not announced on the event log: nothing open is
 * left for the alert lights to watch.
 */
export async function seedSupervision(
  em: EntityManager,
  { log, history }: SeedContext,
): Promise<void> {
  const plan = buildSupervisionSeed({ history });
  for (const row of plan.supervisors) em.create(SocialSupervisor, row);
  for (const row of plan.complaints) em.create(Complaint, row);
  for (const row of plan.inspections) em.create(InspectionRequest, row);
  for (const row of plan.feePermits) em.create(FeePermit, row);
  await em.flush();
  log.info(
    {
      socialSupervisors: plan.supervisors.length,
      complaints: plan.complaints.length,
      inspectionRequests: plan.inspections.length,
      feePermits: plan.feePermits.length,
    },
    'supervision seeded',
  );
}
