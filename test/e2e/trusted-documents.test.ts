import { readFileSync, writeFileSync } from 'node:fs';
import {
  DEFAULT_OPERATION_LIMITS,
  loadApiSchema,
  measureOperation,
  trustedDocumentManifest,
  TRUSTED_DOCUMENTS_FILE,
} from '@hall/gateway';
import { SIMULATOR_OPERATIONS } from '@hall/platform';
import { readSupergraph } from '@hall/schema';
import { parse, validate, type GraphQLSchema } from 'graphql';
import * as webClientOperations from '../../web-client/src/graphql/operations';

/**
 * The first-party documents: every operation of the web client's operations.ts (the pieces
 * of selections it builds them from are not operations) and every one of the simulator.
 */
const documents = [
  ...Object.values(webClientOperations)
    .filter((text) => /^\s*(query|mutation|subscription)\b/.test(text))
    .map((body) => ({ client: 'web-client', body })),
  ...Object.values(SIMULATOR_OPERATIONS).map((body) => ({ client: 'simulator', body })),
];

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await loadApiSchema(readSupergraph());
});

test('gateway/trusted-documents.json holds exactly the clients’ documents', () => {
  const manifest = `${JSON.stringify(trustedDocumentManifest(documents), null, 2)}\n`;
  // UPDATE_TRUSTED_DOCUMENTS=1 (npm run trusted-documents) writes it after a client changed.
  if (process.env.UPDATE_TRUSTED_DOCUMENTS === '1') writeFileSync(TRUSTED_DOCUMENTS_FILE, manifest);
  expect(readFileSync(TRUSTED_DOCUMENTS_FILE, 'utf8')).toBe(manifest);
});

test('every first-party document is valid and within the depth and cost limits', () => {
  expect(documents.length).toBeGreaterThan(40);
  const over: string[] = [];
  const measures: string[] = [];
  for (const { body } of documents) {
    const document = parse(body);
    expect(validate(schema, document)).toEqual([]);
    // No variables: every size left to a variable counts as the largest page, the worst case.
    const measure = measureOperation(schema, document, undefined, {})!;
    measures.push(`${measure.cost}\t${measure.depth}\t${body.slice(0, 40).replace(/\s+/g, ' ')}`);
    if (
      measure.depth > DEFAULT_OPERATION_LIMITS.maxDepth ||
      measure.cost > DEFAULT_OPERATION_LIMITS.maxCost
    ) {
      over.push(`${body.slice(0, 60)}: depth ${measure.depth}, cost ${measure.cost}`);
    }
  }
  if (process.env.PRINT_OPERATION_COSTS === '1') console.log(measures.sort().join('\n'));
  expect(over).toEqual([]);
});
