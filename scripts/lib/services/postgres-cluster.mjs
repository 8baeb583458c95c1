// Starting the machine's own PostgreSQL when nothing answers on its port:
// Debian's postgresql-common clusters (pg_lsclusters / pg_ctlcluster), a
// cluster created when only the server binaries are there, or, as root, the
// postgresql package installed with apt-get.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { WAIT_MS, aptInstall, firstLine, isPortOpen, isRoot, tryCommand, waitFor, which } from "./host.mjs";

const VERSION_RE = /^\d+(\.\d+)?$/;

/** `pg_lsclusters -h` output (version, name, port, status, … per line) as [{ version, name, port }]. */
export function parseClusters(text) {
  return text
    .split("\n")
    .map((line) => line.trim().split(/\s+/))
    .filter((f) => f.length >= 4 && VERSION_RE.test(f[0]))
    .map(([version, name, port]) => ({ version, name, port: Number(port) }));
}

/** The port a postgresql.conf sets (5432, PostgreSQL's default, when it sets none). */
export function portInConf(text) {
  const m = /^\s*port\s*=\s*(\d+)/m.exec(text);
  return m ? Number(m[1]) : 5432;
}

/** The clusters configured for `port`, in the order to try them: "main" first, then the newest version. */
export function clustersOnPort(clusters, port) {
  return clusters
    .filter((c) => c.port === port)
    .sort((a, b) => (a.name === "main" ? -1 : 0) - (b.name === "main" ? -1 : 0) || Number(b.version) - Number(a.version));
}

/** Clusters known to Debian's postgresql-common: [{ version, name, port }]. */
async function listClusters() {
  if (which("pg_lsclusters")) {
    const r = await tryCommand("pg_lsclusters", ["-h"], { timeoutMs: 15_000 });
    if (r.ok) return parseClusters(r.out);
  }
  // Without pg_lsclusters: /etc/postgresql/<version>/<name>/postgresql.conf.
  const etc = "/etc/postgresql";
  const subdirs = (p) => {
    try {
      return readdirSync(p, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    } catch {
      return [];
    }
  };
  const clusters = [];
  for (const version of subdirs(etc).filter((v) => VERSION_RE.test(v))) {
    for (const name of subdirs(join(etc, version))) {
      const conf = join(etc, version, name, "postgresql.conf");
      if (existsSync(conf)) clusters.push({ version, name, port: portInConf(readFileSync(conf, "utf8")) });
    }
  }
  return clusters;
}

/** Server versions installed under /usr/lib/postgresql (binaries present, maybe no cluster), newest first. */
function installedServerVersions() {
  try {
    return readdirSync("/usr/lib/postgresql")
      .filter((v) => existsSync(join("/usr/lib/postgresql", v, "bin", "postgres")))
      .sort((a, b) => Number(b) - Number(a));
  } catch {
    return [];
  }
}

/** Makes PostgreSQL accept connections on host:port, or throws a message that says what to do. */
export async function startLocalPostgres({ host, port, log }) {
  let clusters = await listClusters();
  if (clusters.length === 0) {
    const installed = installedServerVersions();
    if (installed.length && isRoot() && which("pg_createcluster")) {
      // Server binaries without a cluster: make the standard one.
      log(`PostgreSQL: installed (${installed[0]}) but no cluster exists; creating ${installed[0]}/main on port ${port}…`);
      const r = await tryCommand("pg_createcluster", ["-p", String(port), installed[0], "main"], { timeoutMs: 120_000 });
      if (!r.ok) throw new Error(`PostgreSQL: pg_createcluster ${installed[0]} main failed: ${r.out}`);
    } else if (!installed.length) {
      log(`PostgreSQL: not reachable on ${host}:${port} and not installed.`);
      if (!(await aptInstall(["postgresql"], log))) {
        throw new Error(
          `PostgreSQL is not running on ${host}:${port} and is not installed${isRoot() ? " (and apt-get is not available)" : ""}.\n` +
            "  Install it: sudo apt-get install -y postgresql   (Debian/Ubuntu; it starts on port 5432)\n" +
            "  or set DATABASE_URL=postgresql://user:password@host:5432/hookrelay to use a PostgreSQL 13+ server elsewhere.",
        );
      }
      // The package's own scripts may already have started the new cluster.
      if (await isPortOpen(host, port)) return;
    }
    clusters = await listClusters();
  }

  const onPort = clustersOnPort(clusters, port);
  if (onPort.length === 0) {
    const list = clusters.map((c) => `${c.version}/${c.name} on port ${c.port}`).join(", ") || "none";
    throw new Error(
      `PostgreSQL is not reachable on ${host}:${port} and no local cluster is configured for port ${port} (clusters: ${list}).\n` +
        "  Set DATABASE_URL to the server you want (e.g. postgresql://user:password@127.0.0.1:<port>/hookrelay).",
    );
  }

  const failures = [];
  for (const c of onPort) {
    log(`PostgreSQL: not reachable on ${host}:${port}, starting the local cluster ${c.version}/${c.name}…`);
    const r = await tryCommand("pg_ctlcluster", ["--skip-systemctl-redirect", c.version, c.name, "start"], { timeoutMs: 90_000 });
    if (!r.ok && !/already running/i.test(r.out)) {
      if (!isRoot() && /must run|as the cluster owner|permission denied|Operation not permitted/i.test(r.out)) {
        throw new Error(
          `PostgreSQL ${c.version}/${c.name} is installed but not running, and only root or the postgres user can start it.\n` +
            `  Start it: sudo pg_ctlcluster ${c.version} ${c.name} start   or set DATABASE_URL to a running server.`,
        );
      }
      log(`PostgreSQL: could not start ${c.version}/${c.name}: ${firstLine(r.out)}`);
      failures.push(`${c.version}/${c.name}: ${r.out}`);
      continue;
    }
    if (await waitFor(() => isPortOpen(host, port), { what: `PostgreSQL ${c.version}/${c.name}`, log })) {
      log(`PostgreSQL: ${c.version}/${c.name} is up on ${host}:${port}`);
      return;
    }
    failures.push(`${c.version}/${c.name}: started, but nothing accepts connections on ${host}:${port} after ${WAIT_MS / 1000} s`);
  }
  throw new Error(
    `PostgreSQL is installed but could not be started on ${host}:${port}:\n  ${failures.join("\n  ")}\n` +
      "  See /var/log/postgresql/, or set DATABASE_URL to a running server.",
  );
}
