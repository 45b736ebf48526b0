import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { HALL_STATS, TAKE_TICKET } from '../operations';
import { graphql, rssMiB, type Hall } from '../stack';
import { sleep, summarize, type Summary } from '../stats';

export interface FanoutStep {
  subscribers: number;
  /** Subscribers that had their first figures (all of them, unless some failed). */
  connected: number;
  connectSeconds: number;
  events: number;
  /** From the ticket mutation's answer to a subscriber's message showing it, in ms. */
  latency: Summary;
  /**
   * Per event, the latency of the first subscriber served: what reading and sending the
   * figures costs before the fan-out itself.
   */
  firstLatency: Summary;
  /** (subscriber, event) pairs never delivered within 10 s of the last event. */
  missed: number;
  rssIdleMiB: number;
  rssConnectedMiB: number;
  /** The gateway's peak resident set size over the step (VmHWM). */
  rssPeakMiB: number;
}

/** Events sent, unmeasured, before the measured ones. */
const WARMUP_EVENTS = 3;

interface Subscriber {
  socket: WebSocket;
  /** visitorsToday of each message and when it arrived (performance.now()). */
  received: { visitors: number; at: number }[];
  ready: Promise<void>;
}

const VISITORS =
  /^\{"id":"1","type":"next","payload":\{"data":\{"hallStats":\{"visitorsToday":(\d+)/;

function subscribe(url: string, token: string): Subscriber {
  const socket = new WebSocket(url, 'graphql-transport-ws', { perMessageDeflate: false });
  const received: Subscriber['received'] = [];
  const ready = new Promise<void>((resolve, reject) => {
    socket.once('open', () => {
      socket.send(
        JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }),
      );
    });
    socket.on('message', (raw: WebSocket.RawData) => {
      const at = performance.now();
      const text = String(raw);
      // The figures' messages are read with a pattern rather than parsed: the bench process
      // receives all N of them at once, and its own time counts in the latency.
      const figure = VISITORS.exec(text);
      if (figure) {
        received.push({ visitors: Number(figure[1]), at });
        if (received.length === 1) resolve();
        return;
      }
      const message = JSON.parse(text) as { type: string; payload?: unknown };
      if (message.type === 'connection_ack') {
        socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: HALL_STATS } }));
      } else if (message.type === 'error' || message.type === 'next') {
        reject(new Error(`subscription refused: ${JSON.stringify(message.payload)}`));
      }
    });
    socket.once('error', reject);
    socket.once('close', (code) => reject(new Error(`closed with ${code}`)));
  });
  ready.catch(() => undefined);
  return { socket, received, ready };
}

/**
 * Part 4: `count` graphql-ws subscribers of `hallStats` on one (fresh) gateway process; a
 * driver takes a queue ticket through the gateway every second; each subscriber's latency
 * for an event is the arrival of the first message showing that ticket's visitor count
 * minus the moment the mutation's answer arrived.
 */
export async function measureFanout(
  hall: Hall,
  count: number,
  events: number,
): Promise<FanoutStep> {
  await hall.restartGateway();
  const pid = hall.gateway.child.pid;
  await sleep(1000);
  const rssIdleMiB = rssMiB(pid);
  const lobby = await hall.tokenFor('LOBBY_DISPLAY');
  const clerk = await hall.tokenFor('ACCEPTANCE_CLERK');
  const matter = (
    await graphql<{ matters: { nodes: { id: string }[] } }>(
      hall.gateway.url,
      '{ matters(first: 1, filter: { kind: PROMISED }) { nodes { id } } }',
      {},
      { authorization: `Bearer ${clerk}` },
    )
  ).matters.nodes[0]!.id;

  const wsUrl = hall.gateway.url.replace(/^http/, 'ws');
  const subscribers: Subscriber[] = [];
  const connectStarted = performance.now();
  let connected = 0;
  const batch = 250;
  for (let first = 0; first < count; first += batch) {
    const group = Array.from({ length: Math.min(batch, count - first) }, () =>
      subscribe(wsUrl, lobby),
    );
    subscribers.push(...group);
    const results = await Promise.allSettled(group.map((subscriber) => subscriber.ready));
    connected += results.filter((result) => result.status === 'fulfilled').length;
  }
  const connectSeconds = (performance.now() - connectStarted) / 1000;
  await sleep(2000);
  const rssConnectedMiB = rssMiB(pid);
  console.log(
    `bench: fan-out ${count}: ${connected} subscribed in ${connectSeconds.toFixed(1)} s, gateway RSS ${rssConnectedMiB.toFixed(0)} MiB`,
  );

  const takeTicket = () =>
    graphql(
      hall.gateway.url,
      TAKE_TICKET,
      { matterId: matter },
      {
        authorization: `Bearer ${clerk}`,
      },
    );
  // Warm-up: the first events after a start find caches and connection pools cold.
  for (let event = 0; event < WARMUP_EVENTS; event++) {
    await takeTicket();
    await sleep(1000);
  }
  await sleep(1000);
  const live = subscribers.filter((subscriber) => subscriber.received.length > 0);
  const base = live.reduce(
    (most, subscriber) => Math.max(most, subscriber.received.at(-1)!.visitors),
    0,
  );
  for (const subscriber of live) subscriber.received.splice(0, subscriber.received.length - 1);
  const answeredAt: number[] = [];
  for (let event = 1; event <= events; event++) {
    const started = performance.now();
    await takeTicket();
    answeredAt.push(performance.now());
    await sleep(Math.max(0, started + 1000 - performance.now()));
  }
  const last = base + events;
  const deadline = performance.now() + 10_000;
  while (
    performance.now() < deadline &&
    live.some((subscriber) => (subscriber.received.at(-1)?.visitors ?? 0) < last)
  ) {
    await sleep(100);
  }
  const rssPeakMiB = rssMiB(pid, 'VmHWM');

  const latencies: number[] = [];
  const firsts = Array.from({ length: events }, () => Infinity);
  let missed = 0;
  for (const subscriber of live) {
    let index = 0;
    for (let event = 1; event <= events; event++) {
      const expected = base + event;
      while (
        index < subscriber.received.length &&
        subscriber.received[index]!.visitors < expected
      ) {
        index += 1;
      }
      const message = subscriber.received[index];
      if (!message) {
        missed += 1;
        continue;
      }
      // A message may overtake the mutation's own answer on its way back: that is 0 ms.
      const latency = Math.max(0, message.at - answeredAt[event - 1]!);
      latencies.push(latency);
      firsts[event - 1] = Math.min(firsts[event - 1]!, latency);
    }
  }
  missed += (count - live.length) * events;
  for (const subscriber of subscribers) subscriber.socket.terminate();
  await sleep(1000);
  return {
    subscribers: count,
    connected,
    connectSeconds,
    events,
    latency: summarize(latencies),
    firstLatency: summarize(firsts.filter(Number.isFinite)),
    missed,
    rssIdleMiB,
    rssConnectedMiB,
    rssPeakMiB,
  };
}
