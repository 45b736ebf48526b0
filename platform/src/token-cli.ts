import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { issueToken } from '@hall/gateway';
import { ROLES, type Role } from '@hall/kit';
import { tokenSecretOf } from './secrets';

/**
 * `npm run token -- --role DEPARTMENT_STAFF --department <id> [--organization <id>]
 * [--subject <who>] [--ttl <seconds>]`: prints a token the running platform's gateway
 * accepts, signed with HALL_TOKEN_SECRET or the secret `npm start` keeps in its data folder
 * (HALL_DATA_DIR, default `.data`). Exit codes: 0 printed, 1 no secret yet, 2 bad arguments.
 */
const USAGE = `Usage: npm run token -- --role <role> [--department <id>] [--organization <id>] [--subject <who>] [--ttl <seconds>]

  --role          one of ${ROLES.join(', ')}
  --department    the department a DEPARTMENT_STAFF token acts for (required for that role)
  --organization  the bank a PARTNER token reads for (required for that role)
  --subject       who the token names (default: cli-<role>)
  --ttl           seconds the token stays valid (default 43200, twelve hours)`;

function refuse(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

async function main(): Promise<void> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        role: { type: 'string' },
        department: { type: 'string' },
        organization: { type: 'string' },
        subject: { type: 'string' },
        ttl: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    refuse(error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const role = values.role;
  if (typeof role !== 'string') refuse('--role is required');
  if (!(ROLES as readonly string[]).includes(role)) refuse(`Unknown role "${role}"`);
  const department = values.department as string | undefined;
  const organization = values.organization as string | undefined;
  if (role === 'DEPARTMENT_STAFF' && !department) refuse('DEPARTMENT_STAFF needs --department');
  if (role === 'PARTNER' && !organization) refuse('PARTNER needs --organization');
  const ttl = values.ttl === undefined ? 12 * 60 * 60 : Number(values.ttl);
  if (!Number.isInteger(ttl) || ttl <= 0)
    refuse(`--ttl is not a positive number of seconds: ${values.ttl}`);

  // The same folder platform/src/main.ts gives the platform.
  const dataDir = process.env.HALL_DATA_DIR ?? join(__dirname, '..', '..', '.data');
  const secret = tokenSecretOf(dataDir);
  if (!secret) {
    console.error(
      `No token secret: set HALL_TOKEN_SECRET, or start the platform once (npm start) so it keeps one in ${dataDir}.`,
    );
    process.exit(1);
  }
  const token = await issueToken(
    {
      subject:
        (values.subject as string | undefined) ?? `cli-${role.toLowerCase().replace(/_/g, '-')}`,
      role: role as Role,
      ...(department && { departmentId: department }),
      ...(organization && { organizationId: organization }),
    },
    secret,
    ttl,
  );
  console.log(token);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
