import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphQLError, Kind, parse, print, visit, type DocumentNode } from 'graphql';

/**
 * The operations first-party clients (the web client, the hall simulator) send, in Apollo's
 * persisted query manifest format: each document under the sha256 of its text.
 */
export interface TrustedDocumentManifest {
  format: 'apollo-persisted-query-manifest';
  version: 1;
  operations: {
    /** sha256 (hex) of `body`. */
    id: string;
    name: string;
    type: 'query' | 'mutation' | 'subscription';
    body: string;
    /** Which client sends it: `web-client` or `simulator`. */
    client: string;
  }[];
}

/** The checked-in manifest, `gateway/trusted-documents.json` (from both `src` and `dist`). */
export const TRUSTED_DOCUMENTS_FILE = join(__dirname, '..', '..', 'trusted-documents.json');

export function readTrustedDocuments(file = TRUSTED_DOCUMENTS_FILE): TrustedDocumentManifest {
  return JSON.parse(readFileSync(file, 'utf8')) as TrustedDocumentManifest;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The document as the gateway compares it: printed without layout and without the
 * `__typename` fields clients add for their caches (urql does), so the web client's text
 * matches the manifest's however it was formatted.
 */
export function canonicalDocument(document: DocumentNode): string {
  return print(
    visit(document, {
      Field(node) {
        return node.name.value === '__typename' && !node.alias ? null : undefined;
      },
    }),
  );
}

function canonicalText(text: string): string | undefined {
  try {
    return canonicalDocument(parse(text, { noLocation: true }));
  } catch {
    return undefined;
  }
}

function refusal(message: string, code: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status: 400 } } });
}

/** The refusal of a document the manifest does not hold, in production mode. */
export function untrusted(): GraphQLError {
  return refusal(
    'Only the trusted documents of first-party clients are served here; send a documentId',
    'OPERATION_NOT_TRUSTED',
  );
}

/** A request body's ways of naming its document. */
export interface DocumentRequest {
  query?: unknown;
  documentId?: unknown;
  extensions?: { persistedQuery?: { sha256Hash?: unknown } } & Record<string, unknown>;
}

/**
 * The trusted documents of one gateway: finds a document by id and tells whether a text is
 * one of them.
 */
export class TrustedDocuments {
  private readonly byId = new Map<string, string>();
  private readonly canonical = new Set<string>();

  constructor(
    manifest: TrustedDocumentManifest,
    /** Refuse every operation that is not in the manifest (production mode). */
    readonly only: boolean,
  ) {
    for (const operation of manifest.operations) {
      this.byId.set(operation.id, operation.body);
      const text = canonicalText(operation.body);
      if (text) this.canonical.add(text);
    }
  }

  get size(): number {
    return this.byId.size;
  }

  /** Whether `document` is one of the manifest's, as written or as a client reformatted it. */
  trusts(document: DocumentNode): boolean {
    return this.canonical.has(canonicalDocument(document));
  }

  /**
   * Resolves a request's document in place: a `documentId` ("sha256:<hex>") or Apollo's
   * `extensions.persistedQuery.sha256Hash` becomes the manifest's text (the request's own
   * text, if any, is ignored then). Returns the refusal: PERSISTED_QUERY_NOT_FOUND for an
   * id not in the manifest, OPERATION_NOT_TRUSTED for ad-hoc text in production mode.
   * Apollo Server's own automatic persisted queries stay off: a client must not be able to
   * register documents.
   */
  resolve(request: DocumentRequest): GraphQLError | undefined {
    const persisted = request.extensions?.persistedQuery;
    const id =
      typeof request.documentId === 'string'
        ? request.documentId.replace(/^sha256:/, '')
        : typeof persisted?.sha256Hash === 'string'
          ? persisted.sha256Hash
          : undefined;
    if (persisted && request.extensions) delete request.extensions.persistedQuery;
    if (id !== undefined) {
      const body = this.byId.get(id.toLowerCase());
      if (!body) {
        return refusal('No trusted document has this id', 'PERSISTED_QUERY_NOT_FOUND');
      }
      request.query = body;
      delete request.documentId;
      return undefined;
    }
    if (request.documentId !== undefined) {
      return refusal('documentId must be "sha256:<hex>"', 'BAD_REQUEST');
    }
    if (!this.only || typeof request.query !== 'string') return undefined;
    const text = canonicalText(request.query);
    if (text && this.canonical.has(text)) return undefined;
    return untrusted();
  }
}

/** `gateway/trusted-documents.json` built from the clients' documents, sorted by id. */
export function trustedDocumentManifest(
  documents: readonly { client: string; body: string }[],
): TrustedDocumentManifest {
  const operations = new Map<string, TrustedDocumentManifest['operations'][number]>();
  for (const { client, body } of documents) {
    const document = parse(body);
    const [definition] = document.definitions;
    if (definition?.kind !== Kind.OPERATION_DEFINITION) {
      throw new Error(`not an operation: ${body.slice(0, 60)}`);
    }
    const id = sha256(body);
    operations.set(id, {
      id,
      name: definition.name?.value ?? '',
      type: definition.operation,
      body,
      client,
    });
  }
  return {
    format: 'apollo-persisted-query-manifest',
    version: 1,
    operations: [...operations.values()].sort((a, b) => a.id.localeCompare(b.id)),
  };
}
