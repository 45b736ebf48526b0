import { serveSubgraph } from '@hall/kit';
import { supervisionSubgraph } from './supervision';

serveSubgraph(supervisionSubgraph, 4003);
