// Where the CPU went during the measured window (Linux /proc; elsewhere it
// reports nothing): the whole machine's busy time, and CPU seconds per group
// of processes (our workers, the receiver, every postgres and redis-server
// process). Sampled every half second so short-lived PostgreSQL backends are
// counted too; a process first seen after the start counts from zero.
import { readFileSync, readdirSync } from "node:fs";
import { execFileSync } from "node:child_process";

const TICKS = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

function procTicks(pid) {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, "utf8");
    const rest = s.slice(s.lastIndexOf(")") + 2).split(" ");
    // Fields 14 and 15 (utime, stime) are at 11 and 12 after "pid (comm) ".
    return { comm: s.slice(s.indexOf("(") + 1, s.lastIndexOf(")")), ticks: Number(rest[11]) + Number(rest[12]) };
  } catch {
    return null;
  }
}

function machineTicks() {
  try {
    const cpu = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
    const idle = cpu[3] + (cpu[4] ?? 0);
    return { total: cpu.reduce((a, b) => a + b, 0), idle };
  } catch {
    return null;
  }
}

/** `groups`: () => ({ name: [pid, …] }) for our own children; postgres/redis are found by name. */
export function startCpuSampler(groups) {
  const supported = machineTicks() !== null;
  const first = new Map(); // pid → ticks when first seen
  const last = new Map(); // pid → { group, ticks }
  let initial = true;
  const m0 = machineTicks();

  const sample = () => {
    if (!supported) return;
    const named = Object.entries(groups()).flatMap(([group, pids]) => pids.map((pid) => [pid, group]));
    const byPid = new Map(named);
    for (const name of readdirSync("/proc")) {
      if (!/^\d+$/.test(name)) continue;
      const pid = Number(name);
      const info = procTicks(pid);
      if (!info) continue;
      const group = byPid.get(pid) ?? (info.comm === "postgres" ? "postgres" : info.comm.startsWith("redis-server") ? "redis" : null);
      if (!group) continue;
      if (!first.has(pid)) first.set(pid, initial ? info.ticks : 0);
      last.set(pid, { group, ticks: info.ticks });
    }
    initial = false;
  };
  sample();
  const timer = setInterval(sample, 500);

  return {
    /** Samples once more and returns { machine_busy_pct, cores, seconds_by_group }. */
    stop() {
      clearInterval(timer);
      if (!supported) return null;
      sample();
      const m1 = machineTicks();
      const bySeconds = {};
      for (const [pid, { group, ticks }] of last) {
        bySeconds[group] = (bySeconds[group] ?? 0) + (ticks - (first.get(pid) ?? 0)) / TICKS;
      }
      for (const k of Object.keys(bySeconds)) bySeconds[k] = Math.round(bySeconds[k] * 10) / 10;
      const total = m1.total - m0.total;
      return {
        machine_busy_pct: total > 0 ? Math.round((100 * (total - (m1.idle - m0.idle))) / total) : null,
        cpu_seconds: bySeconds,
      };
    },
  };
}
