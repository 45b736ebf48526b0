export { supervisionSubgraph } from './supervision';
