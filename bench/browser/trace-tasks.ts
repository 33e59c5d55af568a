/**
 * Reads a Chrome trace (DevTools protocol `Tracing`, with the `disabled-by-default-v8.cpu_profiler` category) for
 * what the province pan's long tasks are: every main-thread task over a threshold, the trace events inside it
 * (keydown, animation frame, scheduler task, GC) and the JS functions its CPU samples fall in, by self and by
 * inclusive time. Used by `pan-profile.ts`; kept apart so the arithmetic is plain functions over the events.
 */
export interface TraceEvent {
  name: string;
  ph: string;
  /** Microseconds on the trace clock (the CPU samples use the same clock). */
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: { name?: string; data?: Record<string, unknown> };
}

interface CallFrame {
  functionName: string;
  /** Absent for the profiler's own nodes ((program), (garbage collector), (idle)). */
  url?: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: CallFrame;
}

interface ProfileChunkData {
  cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
  timeDeltas?: number[];
}

export interface TaskReport {
  startMs: number;
  durationMs: number;
  /** Trace events inside the task over 3 ms, as "ms name detail", in order. */
  events: string[];
  /** [function, ms], most first. */
  self: [string, number][];
  inclusive: [string, number][];
}

/** The renderer main thread that ran the most task time: the page's, not an extension's or the browser's. */
function pageMainThread(events: readonly TraceEvent[]): { pid: number; tid: number } | null {
  const names = new Map<string, string | undefined>();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args?.name);
  const busy = new Map<string, number>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (e.name === 'RunTask' && e.ph === 'X' && names.get(key) === 'CrRendererMain')
      busy.set(key, (busy.get(key) ?? 0) + (e.dur ?? 0));
  }
  const [key] = [...busy].sort((a, b) => b[1] - a[1])[0] ?? [];
  if (!key) return null;
  const [pid = 0, tid = 0] = key.split(':').map(Number);
  return { pid, tid };
}

/** The main thread's CPU samples on the trace clock, and a way to name a sample's stack. */
function cpuSamples(events: readonly TraceEvent[], pid: number, tid: number) {
  const nodes = new Map<number, ProfileNode>();
  const samples: { ts: number; node: number }[] = [];
  const profiles = events.filter((e) => e.name === 'Profile' && e.pid === pid && e.tid === tid);
  const clock = new Map(profiles.map((p) => [p.id, Number(p.args?.data?.['startTime'] ?? 0)]));
  for (const chunk of events) {
    if (chunk.name !== 'ProfileChunk' || chunk.pid !== pid || !clock.has(chunk.id)) continue;
    const data = chunk.args?.data as ProfileChunkData | undefined;
    for (const node of data?.cpuProfile?.nodes ?? []) nodes.set(node.id, node);
    let ts = clock.get(chunk.id) ?? 0;
    const ids = data?.cpuProfile?.samples ?? [];
    const deltas = data?.timeDeltas ?? [];
    ids.forEach((node, i) => {
      ts += deltas[i] ?? 0;
      samples.push({ ts, node });
    });
    clock.set(chunk.id, ts);
  }
  const label = (id: number) => {
    const frame = nodes.get(id)?.callFrame;
    if (!frame) return '?';
    if (!frame.url) return frame.functionName || '(anonymous)';
    return `${frame.functionName || '(anonymous)'} ${frame.url.replace(/^.*\//, '')}:${frame.lineNumber + 1}`;
  };
  const stack = (id: number) => {
    const names: string[] = [];
    for (let node: number | undefined = id; node !== undefined; node = nodes.get(node)?.parent)
      names.push(label(node));
    return names;
  };
  return { samples, stack };
}

const ranked = (times: Map<string, number>, count: number): [string, number][] =>
  [...times]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, us]) => [name, us / 1000]);

/** Every main-thread task longer than `thresholdMs`, with what ran inside it. */
export function longTasks(events: readonly TraceEvent[], thresholdMs = 50): TaskReport[] {
  const thread = pageMainThread(events);
  if (!thread) return [];
  const onMain = events.filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X');
  const tasks = onMain.filter((e) => e.name === 'RunTask' && (e.dur ?? 0) > thresholdMs * 1000);
  const { samples, stack } = cpuSamples(events, thread.pid, thread.tid);
  const origin = onMain[0]?.ts ?? 0;
  return tasks.map((task) => {
    const end = task.ts + (task.dur ?? 0);
    const events = onMain
      .filter((e) => e !== task && e.ts >= task.ts && e.ts < end && (e.dur ?? 0) > 3_000)
      .map((e) => {
        const data = e.args?.data ?? {};
        const detail = [data['type'], data['functionName']]
          .filter((part) => typeof part === 'string')
          .join(' ');
        return `${((e.dur ?? 0) / 1000).toFixed(1)} ms ${e.name} ${detail}`.trim();
      });
    const self = new Map<string, number>();
    const inclusive = new Map<string, number>();
    const inside = samples.filter((sample) => sample.ts >= task.ts && sample.ts < end);
    inside.forEach((sample, i) => {
      const spent = (inside[i + 1]?.ts ?? end) - sample.ts;
      const names = stack(sample.node);
      const top = names[0] ?? '?';
      self.set(top, (self.get(top) ?? 0) + spent);
      for (const name of new Set(names)) inclusive.set(name, (inclusive.get(name) ?? 0) + spent);
    });
    return {
      startMs: (task.ts - origin) / 1000,
      durationMs: (task.dur ?? 0) / 1000,
      events,
      self: ranked(self, 15),
      inclusive: ranked(inclusive, 25),
    };
  });
}
