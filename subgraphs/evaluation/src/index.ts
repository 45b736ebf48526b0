export { evaluationSubgraph } from './evaluation';
