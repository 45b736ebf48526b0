import type { SeedContext } from '@hall/kit';
import type { EntityManager } from '@mikro-orm/postgresql';

export async function isCasesSeeded(em: EntityManager): Promise<boolean> {
  const [row] = await em.execute<{ n: number }[]>(`select count(*)::int as n from cases."case"`);
  return (row?.n ?? 0) > 0;
}

export async function seedCases(_em: EntityManager, _context: SeedContext): Promise<void> {}
