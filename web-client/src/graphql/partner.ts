import { cacheExchange, Client, fetchExchange } from '@urql/core';
import type { CaseStatus } from './types';

/**
 * The partner contract's endpoint. Partner tokens are refused on /graphql: a bank reads
 * only through the contract, so its page has a client of its own.
 */
export const PARTNER_GRAPHQL_PATH = '/partner/graphql';

/** A client of the partner endpoint for one token (POST: the gateway's CSRF guard). */
export function createPartnerClient(token: string, language: () => string): Client {
  return new Client({
    url: PARTNER_GRAPHQL_PATH,
    exchanges: [cacheExchange, fetchExchange],
    requestPolicy: 'cache-and-network',
    preferGetMethod: false,
    fetchOptions: () => ({
      headers: { authorization: `Bearer ${token}`, 'accept-language': language() },
    }),
  });
}

/** Every field of a case the contract holds. */
const PARTNER_CASE_FIELDS = `serialNo status receivedOn acceptedOn decidedOn deliveredOn
  clock { dueOn } onTime matter { name } department { name }`;

export const PARTNER_CASES = `query PartnerCases($first: Int!, $after: String) {
  partnerCases(first: $first, after: $after) {
    totalCount hasNextPage endCursor
    nodes { ${PARTNER_CASE_FIELDS} }
  }
}`;

export const PARTNER_CASE = `query PartnerCase($serialNo: String!) {
  partnerCase(serialNo: $serialNo) { ${PARTNER_CASE_FIELDS} }
}`;

export interface PartnerCase {
  serialNo: string;
  status: CaseStatus;
  receivedOn: string;
  acceptedOn: string | null;
  decidedOn: string | null;
  deliveredOn: string | null;
  clock: { dueOn: string } | null;
  onTime: boolean | null;
  matter: { name: string };
  department: { name: string };
}

export interface PartnerCasesData {
  partnerCases: {
    totalCount: number;
    hasNextPage: boolean;
    endCursor: string | null;
    nodes: PartnerCase[];
  };
}

export interface PartnerCaseData {
  partnerCase: PartnerCase;
}
