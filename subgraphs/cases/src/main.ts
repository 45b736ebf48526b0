import { serveSubgraph } from '@hall/kit';
import { casesSubgraph } from './cases';

serveSubgraph(casesSubgraph, 4002);
