/** The parts of the bench, in the order they run. */
export const PARTS = ['overhead', 'peers', 'sql', 'fanout', 'alerts', 'scale'] as const;
export type Part = (typeof PARTS)[number];

export interface BenchOptions {
  /** The PostgreSQL server; the bench makes its own databases on it. */
  serverUrl: string;
  parts: Part[];
  /** Concurrent HTTP clients of the load runs. */
  connections: number;
  /** Seconds of warm-up before each measured load run, and of each measured run. */
  warmupSeconds: number;
  durationSeconds: number;
  /** Subscriber counts of the fan-out ramp. */
  subscribers: number[];
  /** Ticket events per subscriber count in the fan-out. */
  events: number;
  /** Alert-latency samples. */
  alertSamples: number;
  /** Cases the scale part generates. */
  scaleCases: number;
  /** Concurrent clients of the scale part. */
  scaleConnections: number;
  /** Write BENCHMARKS.md (off: print the figures only). */
  write: boolean;
  /** Where BENCHMARKS.md is. */
  output: string;
  /** Extra node flags of the gateway process, e.g. `--cpu-prof` to profile it. */
  gatewayNodeArgs: string[];
}

const HELP = `npm run bench -- [options]
  --only a,b            parts to run: ${PARTS.join(', ')} (default: all)
  --connections N       concurrent HTTP clients of the load runs (50)
  --warmup S            seconds of warm-up before each measured run (5)
  --duration S          seconds of each measured run (15)
  --subscribers N,M     fan-out ramp (1000,5000,10000)
  --events N            ticket events per fan-out step (20)
  --alert-samples N     alert-latency samples (40)
  --scale-cases N       cases the scale part generates (1000000)
  --scale-connections N concurrent clients of the scale part (10)
  --no-write            print figures, leave BENCHMARKS.md alone
  --output PATH         the page to write (BENCHMARKS.md at the repository root)
  --gateway-node-args A node flags of the gateway process, e.g. "--cpu-prof --cpu-prof-dir=prof"`;

function numberList(raw: string, flag: string): number[] {
  const values = raw.split(',').map((part) => Number(part.trim()));
  if (values.some((value) => !Number.isFinite(value) || value <= 0)) {
    throw new Error(`${flag}: not a list of positive numbers: ${raw}`);
  }
  return values;
}

export function parseOptions(argv: readonly string[], defaultOutput: string): BenchOptions {
  const options: BenchOptions = {
    serverUrl: process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
    parts: [...PARTS],
    connections: 50,
    warmupSeconds: 5,
    durationSeconds: 15,
    subscribers: [1000, 5000, 10000],
    events: 20,
    alertSamples: 40,
    scaleCases: 1_000_000,
    scaleConnections: 10,
    write: true,
    output: defaultOutput,
    gatewayNodeArgs: [],
  };
  for (let index = 0; index < argv.length; index++) {
    const flag = argv[index]!;
    const value = () => {
      const next = argv[++index];
      if (next === undefined) throw new Error(`${flag} needs a value\n${HELP}`);
      return next;
    };
    const single = () => numberList(value(), flag)[0]!;
    switch (flag) {
      case '--only': {
        const parts = value().split(',');
        for (const part of parts) {
          if (!PARTS.includes(part as Part)) throw new Error(`unknown part ${part}\n${HELP}`);
        }
        options.parts = PARTS.filter((part) => parts.includes(part));
        break;
      }
      case '--connections':
        options.connections = single();
        break;
      case '--warmup':
        options.warmupSeconds = single();
        break;
      case '--duration':
        options.durationSeconds = single();
        break;
      case '--subscribers':
        options.subscribers = numberList(value(), flag);
        break;
      case '--events':
        options.events = single();
        break;
      case '--alert-samples':
        options.alertSamples = single();
        break;
      case '--scale-cases':
        options.scaleCases = single();
        break;
      case '--scale-connections':
        options.scaleConnections = single();
        break;
      case '--no-write':
        options.write = false;
        break;
      case '--output':
        options.output = value();
        break;
      case '--gateway-node-args':
        options.gatewayNodeArgs = value().split(' ').filter(Boolean);
        break;
      case '--help':
      case '-h':
        console.log(HELP);
        process.exit(0);
        break;
      default:
        throw new Error(`unknown option ${flag}\n${HELP}`);
    }
  }
  return options;
}
