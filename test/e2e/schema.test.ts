import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PARTNER_SCHEMA_PATH, readPartnerSchema, SUPERGRAPH_PATH } from '@hall/schema';

const run = promisify(execFile);
const COMPOSE = join(__dirname, '..', '..', 'schema', 'dist', 'compose.js');

describe('the committed supergraph', () => {
  it('is what the four subgraphs compose to now', async () => {
    const { stdout } = await run(process.execPath, [COMPOSE, '--check']);
    expect(stdout).toContain('is current');
  });

  it('fails the check once it is stale', async () => {
    const stale = join(mkdtempSync(join(tmpdir(), 'hall-schema-')), 'supergraph.graphql');
    writeFileSync(
      stale,
      readFileSync(SUPERGRAPH_PATH, 'utf8').replace(
        'statutoryLimitDays: Int!',
        'statutoryLimitDays: Int',
      ),
    );
    await expect(run(process.execPath, [COMPOSE, '--check', stale])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('is stale'),
    });
  });

  it('joins the catalog entities that the other subgraphs extend', () => {
    const supergraph = readFileSync(SUPERGRAPH_PATH, 'utf8');
    const department = /type Department\n([\s\S]*?)\{/.exec(supergraph)?.[1] ?? '';
    for (const graph of ['CATALOG', 'CASES', 'SUPERVISION', 'EVALUATION']) {
      expect(department).toContain(`@join__type(graph: ${graph}, key: "id")`);
    }
  });
});

describe('the committed partner contract', () => {
  it('fails the check once it is stale', async () => {
    const stale = join(mkdtempSync(join(tmpdir(), 'hall-schema-')), 'partner.graphql');
    writeFileSync(
      stale,
      readFileSync(PARTNER_SCHEMA_PATH, 'utf8').replace('  onTime: Boolean\n', ''),
    );
    await expect(
      run(process.execPath, [COMPOSE, '--check', SUPERGRAPH_PATH, stale]),
    ).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining(`${stale} is stale`) });
  });

  it('holds the tagged fields only: no personal data, staff or notes', () => {
    const contract = readPartnerSchema();
    const caseType = /type Case \{([\s\S]*?)\n\}/.exec(contract)?.[1] ?? '';
    const fields = [...caseType.matchAll(/^  (\w+)[(:]/gm)].map((match) => match[1]);
    expect(fields).toEqual([
      'serialNo',
      'status',
      'receivedOn',
      'acceptedOn',
      'decidedOn',
      'deliveredOn',
      'matter',
      'department',
      'clock',
      'onTime',
    ]);
    for (const hidden of [
      'Applicant',
      'identityNumber',
      'phone',
      'Staff',
      'decisionReason',
      'Rating',
      'Mutation',
    ]) {
      expect(contract).not.toContain(hidden);
    }
    expect(contract).toMatch(/partnerCases\(/);
    expect(contract).toMatch(/partnerCase\(serialNo: String!\): Case!/);
  });
});
