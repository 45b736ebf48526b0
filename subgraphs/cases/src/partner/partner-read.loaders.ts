import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { PartnerRead } from './partner-read.entity';

/** How many reads `Case.partnerReads` shows per case: the latest ones; `partnerReads` pages all. */
export const READS_SHOWN_PER_CASE = 50;

/**
 * The latest partner reads of each case asked for in the same tick, newest first: one
 * statement for the whole batch, whatever the number of cases.
 */
export function partnerReadsByCaseLoader(em: EntityManager): DataLoader<string, PartnerRead[]> {
  return new DataLoader(async (caseIds) => {
    const rows = await em.getConnection().execute<{ id: string }[]>(
      `select id from (
         select id, row_number() over (partition by case_id order by read_at desc, id desc) as n
           from cases.partner_read where case_id = any(?::uuid[])
       ) latest where n <= ?`,
      // One array parameter (a PostgreSQL array literal of uuids), not a list of them.
      [`{${caseIds.join(',')}}`, READS_SHOWN_PER_CASE],
    );
    const reads =
      rows.length === 0
        ? []
        : await em.find(
            PartnerRead,
            { id: { $in: rows.map((row) => row.id) } },
            { orderBy: { readAt: 'desc', id: 'desc' } },
          );
    const groups = new Map<string, PartnerRead[]>(caseIds.map((id) => [id, []]));
    for (const read of reads) groups.get(read.caseId)?.push(read);
    return caseIds.map((id) => groups.get(id) ?? []);
  });
}
