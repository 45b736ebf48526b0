import { serveSubgraph } from '@hall/kit';
import { evaluationSubgraph } from './evaluation';

serveSubgraph(evaluationSubgraph, 4004);
