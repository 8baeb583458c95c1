// Which local PostgreSQL cluster the set-up starts: read from `pg_lsclusters -h`
// or postgresql.conf, the one for the wanted port, "main" and the newest first.
import assert from "node:assert/strict";
import { test } from "node:test";
import { clustersOnPort, parseClusters, portInConf } from "./postgres-cluster.mjs";

test("parseClusters reads pg_lsclusters -h lines and skips what is not a cluster", () => {
  const out = [
    "15  main    5432 online postgres /var/lib/postgresql/15/main /var/log/postgresql/postgresql-15-main.log",
    "16  test    5433 down   postgres /var/lib/postgresql/16/test /var/log/postgresql/postgresql-16-test.log",
    "9.6 old     5434 down,binaries_missing postgres /var/lib/postgresql/9.6/old /var/log/postgresql/postgresql-9.6-old.log",
    "Warning: something the tool printed",
    "",
  ].join("\n");
  assert.deepEqual(parseClusters(out), [
    { version: "15", name: "main", port: 5432 },
    { version: "16", name: "test", port: 5433 },
    { version: "9.6", name: "old", port: 5434 },
  ]);
  assert.deepEqual(parseClusters(""), []);
});

test("portInConf reads the port a postgresql.conf sets, 5432 when it sets none", () => {
  assert.equal(portInConf("listen_addresses = 'localhost'\nport = 5433\t\t\t\t# (change requires restart)\n"), 5433);
  assert.equal(portInConf("  port=5440\n"), 5440);
  assert.equal(portInConf("#port = 5433\nmax_connections = 100\n"), 5432);
  assert.equal(portInConf(""), 5432);
});

test("clustersOnPort keeps the port's clusters, main first, then the newest version", () => {
  const clusters = [
    { version: "13", name: "other", port: 5432 },
    { version: "16", name: "other", port: 5432 },
    { version: "14", name: "main", port: 5432 },
    { version: "16", name: "main", port: 5433 },
  ];
  assert.deepEqual(
    clustersOnPort(clusters, 5432).map((c) => `${c.version}/${c.name}`),
    ["14/main", "16/other", "13/other"],
  );
  assert.deepEqual(clustersOnPort(clusters, 5499), []);
});
