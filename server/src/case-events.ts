import pg from 'pg';
import type { Pool } from './db';

export interface CaseEvent {
  id: number;
  data: string;
}

type Listener = (event: CaseEvent) => void;

/**
 * The case events of every writer, as one ordered feed for this instance's streams. The database numbers the
 * events (case_events, written by a trigger in the writer's transaction) and announces each with NOTIFY; one
 * LISTEN connection per instance wakes the hub, which reads everything after the last id it has seen, so a missed
 * or merged notification loses nothing. When the connection drops the hub reconnects by itself and catches up.
 */
export class CaseEventHub {
  private readonly listeners = new Set<Listener>();
  private client: pg.Client | null = null;
  private lastId = 0;
  private started: Promise<void> | null = null;
  private reading = Promise.resolve();
  private closed = false;
  private retryTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly databaseUrl: string,
    private readonly pool: Pool,
  ) {}

  /** Subscribe; resolves once the hub listens, so no event committed after this call is missed. */
  async subscribe(listener: Listener): Promise<() => void> {
    this.started ??= this.connect();
    await this.started;
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The newest event id now (a stream without Last-Event-ID starts after it). */
  async latestId(): Promise<number> {
    const { rows } = await this.pool.query<{ id: string | null }>('SELECT max(id) AS id FROM case_events');
    return Number(rows[0]?.id ?? 0);
  }

  /** Events after `afterId`, oldest first (a reconnecting client's replay). */
  async since(afterId: number, limit = 10_000): Promise<CaseEvent[]> {
    const { rows } = await this.pool.query<{ id: string; data: string }>(
      'SELECT id, data FROM case_events WHERE id > $1 ORDER BY id LIMIT $2',
      [afterId, limit],
    );
    return rows.map((row) => ({ id: Number(row.id), data: row.data }));
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    await this.client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl });
    client.on('error', () => this.reconnect(client));
    client.on('end', () => this.reconnect(client));
    client.on('notification', () => this.readNew());
    await client.connect();
    await client.query('LISTEN case_events');
    this.client = client;
    if (this.lastId === 0) this.lastId = await this.latestId();
    else this.readNew();
  }

  private reconnect(client: pg.Client): void {
    if (this.closed || this.client !== client) return;
    this.client = null;
    const attempt = () => {
      this.retryTimer = null;
      if (this.closed) return;
      this.connect().catch(() => {
        this.retryTimer = setTimeout(attempt, 1_000);
      });
    };
    this.retryTimer = setTimeout(attempt, 200);
  }

  /** Read and hand out every event after the last one seen; reads run one after another, in order. */
  private readNew(): void {
    this.reading = this.reading.then(async () => {
      try {
        const events = await this.since(this.lastId);
        for (const event of events) {
          this.lastId = event.id;
          for (const listener of this.listeners) listener(event);
        }
      } catch {
        // The database went away between NOTIFY and the read: the reconnect catches up.
      }
    });
  }
}
