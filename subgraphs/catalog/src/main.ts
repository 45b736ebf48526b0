import { serveSubgraph } from '@hall/kit';
import { catalogSubgraph } from './catalog';

serveSubgraph(catalogSubgraph, 4001);
