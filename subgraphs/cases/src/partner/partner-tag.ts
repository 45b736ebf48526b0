/**
 * The `@tag` that puts a type or field into the partner contract (`schema/partner.graphql`,
 * served at the gateway's `/partner/graphql`). A tagged type brings all its fields; an
 * untagged type reachable from a tagged field brings only its tagged fields.
 */
export const PARTNER_TAG = '@tag(name: "partner")';
