// The live dashboard's state, folded from feed messages (the Content Protection Platform's events):
// active scans with progress, recent infringements, takedowns and counters.
// Pure functions, so the same reducer serves the snapshot and the live stream.

export interface FeedMessage {
  type: "event";
  id?: string;
  event: string;
  timestamp: string;
  data: Record<string, any>;
}

export interface ScanView {
  jobId: string;
  profileName: string;
  profileId?: number;
  percentage: number;
  status: "running" | "completed" | "failed";
  found: number;
  updatedAt: string;
}
export interface InfringementView {
  id: number | string;
  url: string;
  platform: string;
  confidence: number;
  status: string;
  detectedAt: string;
}
export interface TakedownView {
  id: string;
  platform: string;
  status: string;
  updatedAt: string;
}

export interface DashboardState {
  scans: Record<string, ScanView>;
  infringements: InfringementView[];
  takedowns: Record<string, TakedownView>;
  counters: { scansCompleted: number; infringements: number; takedownsCompleted: number; events: number };
  lastEventAt: string | null;
}

export const emptyState = (): DashboardState => ({
  scans: {},
  infringements: [],
  takedowns: {},
  counters: { scansCompleted: 0, infringements: 0, takedownsCompleted: 0, events: 0 },
  lastEventAt: null,
});

const MAX_INFRINGEMENTS = 10;
const MAX_SCANS = 30;

export function applyMessages(state: DashboardState, messages: FeedMessage[]): DashboardState {
  let next = state;
  for (const m of messages) next = applyMessage(next, m);
  return next;
}

export function applyMessage(s: DashboardState, m: FeedMessage): DashboardState {
  const d = m.data ?? {};
  const counters = { ...s.counters, events: s.counters.events + 1 };
  const base = { ...s, counters, lastEventAt: m.timestamp };
  switch (m.event) {
    case "scan.started":
      return { ...base, scans: trimScans({ ...s.scans, [d.job_id]: { jobId: d.job_id, profileName: d.profile_name ?? `Profile ${d.profile_id}`, profileId: d.profile_id, percentage: 0, status: "running", found: 0, updatedAt: m.timestamp } }) };
    case "scan.progress": {
      const prev = s.scans[d.job_id];
      const pct = Number(d.progress?.percentage ?? prev?.percentage ?? 0);
      // A late or repeated progress event never moves the bar backwards, nor reopens a finished scan.
      if (prev && prev.status !== "running") return base;
      return {
        ...base,
        scans: trimScans({
          ...s.scans,
          [d.job_id]: {
            jobId: d.job_id,
            profileName: prev?.profileName ?? `Profile ${d.profile_id ?? "?"}`,
            profileId: d.profile_id ?? prev?.profileId,
            percentage: Math.max(prev?.percentage ?? 0, Math.min(100, pct)),
            status: "running",
            found: Number(d.intermediate_results?.potential_matches ?? prev?.found ?? 0),
            updatedAt: m.timestamp,
          },
        }),
      };
    }
    case "scan.completed":
    case "scan.failed": {
      const prev = s.scans[d.job_id];
      const done = m.event === "scan.completed";
      return {
        ...base,
        counters: { ...counters, scansCompleted: counters.scansCompleted + (done ? 1 : 0) },
        scans: trimScans({
          ...s.scans,
          [d.job_id]: {
            jobId: d.job_id,
            profileName: d.profile_name ?? prev?.profileName ?? `Profile ${d.profile_id ?? "?"}`,
            profileId: d.profile_id ?? prev?.profileId,
            percentage: done ? 100 : prev?.percentage ?? 0,
            status: done ? "completed" : "failed",
            found: Number(d.results?.infringements_found ?? d.partial_results?.infringements_found ?? prev?.found ?? 0),
            updatedAt: m.timestamp,
          },
        }),
      };
    }
    case "infringement.detected": {
      const item: InfringementView = {
        id: d.infringement_id,
        url: String(d.url ?? ""),
        platform: String(d.platform ?? ""),
        confidence: Number(d.confidence_score ?? 0),
        status: "detected",
        detectedAt: d.detected_at ?? m.timestamp,
      };
      const rest = s.infringements.filter((i) => i.id !== item.id);
      return { ...base, counters: { ...counters, infringements: counters.infringements + 1 }, infringements: [item, ...rest].slice(0, MAX_INFRINGEMENTS) };
    }
    case "infringement.updated":
      return {
        ...base,
        infringements: s.infringements.map((i) =>
          i.id === d.infringement_id ? { ...i, status: d.new_status ?? i.status, confidence: Number(d.confidence_score ?? i.confidence) } : i,
        ),
      };
    case "takedown.submitted":
      return { ...base, takedowns: { ...s.takedowns, [d.takedown_id]: { id: d.takedown_id, platform: d.platform ?? "", status: d.status ?? "pending", updatedAt: m.timestamp } } };
    case "takedown.status_changed": {
      const prev = s.takedowns[d.takedown_id];
      return {
        ...base,
        counters: { ...counters, takedownsCompleted: counters.takedownsCompleted + (d.new_status === "completed" ? 1 : 0) },
        takedowns: { ...s.takedowns, [d.takedown_id]: { id: d.takedown_id, platform: d.platform ?? prev?.platform ?? "", status: d.new_status, updatedAt: m.timestamp } },
      };
    }
    default:
      return base;
  }
}

function trimScans(scans: Record<string, ScanView>): Record<string, ScanView> {
  const all = Object.values(scans);
  if (all.length <= MAX_SCANS) return scans;
  // Forget the oldest finished scans first.
  const keep = all.sort((a, b) => (a.status === "running" ? -1 : 0) - (b.status === "running" ? -1 : 0) || b.updatedAt.localeCompare(a.updatedAt)).slice(0, MAX_SCANS);
  return Object.fromEntries(keep.map((x) => [x.jobId, x]));
}

export const confidenceClass = (c: number) => (c > 0.9 ? "high" : c > 0.7 ? "medium" : "low");
