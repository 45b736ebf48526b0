export { casesSubgraph } from './cases';
