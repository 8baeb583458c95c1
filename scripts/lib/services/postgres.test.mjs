// PostgreSQL for `npm start` / `npm test`, against a private server of the
// test's own (own port and data directory, never the machine's 5432): failures
// are told apart by their codes, DATABASE_URL is checked and its database
// created, the local login is chosen by who can own the database, and the test
// database is recreated with its time zone.
import assert from "node:assert/strict";
import { createServer } from "node:net";
import { after, before, describe, test } from "node:test";
import pg from "pg";
import { PrivateServices } from "../../../tests/helpers/private-services.ts";
import { freePort } from "../run.mjs";
import { ensurePostgres, failureKind, givenUrlHint, recreateDatabase, roleFits } from "./postgres.mjs";

test("failureKind sorts failures by SQLSTATE, errno, or pg's own code-less errors", () => {
  const kind = (code, message = "") => failureKind(Object.assign(new Error(message), code ? { code } : {}));
  assert.equal(kind("28P01", 'password authentication failed for user "x"'), "auth");
  assert.equal(kind("28000", 'role "x" does not exist'), "auth");
  assert.equal(kind(undefined, "SASL: SCRAM-SERVER-FIRST-MESSAGE: client password must be a string"), "auth");
  assert.equal(kind("3D000", 'database "x" does not exist'), "nodb");
  assert.equal(kind("57P03", "the database system is starting up"), "starting");
  for (const errno of ["ECONNREFUSED", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN", "ENOENT", "ECONNRESET"]) {
    assert.equal(kind(errno), "unreachable", errno);
  }
  assert.equal(kind(undefined, "timeout expired"), "unreachable");
  assert.equal(kind(undefined, "Connection terminated unexpectedly"), "unreachable");
  assert.equal(kind("42501", "permission denied to create database"), "error");
  assert.equal(kind(undefined, "The server does not support SSL connections"), "error");
});

test("givenUrlHint says what a failed DATABASE_URL most likely needs", () => {
  assert.equal(givenUrlHint("auth"), "the server refused the user/password in it");
  assert.equal(givenUrlHint("unreachable"), "nothing answers at that address");
  assert.equal(givenUrlHint("starting"), "the server is still starting up; try again in a moment");
  assert.equal(givenUrlHint("error"), "see the error above");
});

test("roleFits: a superuser, the database's owner, or a creator when there is no database yet", () => {
  assert.equal(roleFits({ superuser: true, createdb: false, owner: "someone" }, "postgres"), true);
  assert.equal(roleFits({ superuser: false, createdb: false, owner: "hookrelay" }, "hookrelay"), true);
  assert.equal(roleFits({ superuser: false, createdb: true, owner: "" }, "hookrelay"), true);
  assert.equal(roleFits({ superuser: false, createdb: true, owner: "postgres" }, "hookrelay"), false);
  assert.equal(roleFits({ superuser: false, createdb: false, owner: "" }, "hookrelay"), false);
});

describe("against a private PostgreSQL", { concurrency: false, timeout: 180_000 }, () => {
  const services = new PrivateServices();
  let server; // { port, urlFor }
  const savedUrl = process.env.DATABASE_URL;
  const withDatabaseUrl = async (url, fn) => {
    process.env.DATABASE_URL = url;
    try {
      return await fn();
    } finally {
      if (savedUrl === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = savedUrl;
    }
  };
  const query = async (url, sql, params) => {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows;
    } finally {
      await client.end();
    }
  };
  const ownerOf = async (database) =>
    (await query(server.urlFor("postgres"), "SELECT pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = $1", [database]))[0]?.owner;
  const connectError = async (url, timeoutMs = 3000) => {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
    client.on("error", () => {});
    try {
      await client.connect();
      return null;
    } catch (err) {
      return err;
    } finally {
      await client.end().catch(() => {});
    }
  };

  before(async () => {
    server = await services.postgres();
  });
  after(() => services.cleanup());

  test("real connection failures get the kind the set-up acts on", async () => {
    assert.equal(failureKind(await connectError(server.urlFor("no_such_database"))), "nodb");
    assert.equal(failureKind(await connectError(`postgresql://no_such_role@127.0.0.1:${server.port}/postgres`)), "auth");
    assert.equal(failureKind(await connectError(`postgresql://postgres@127.0.0.1:${await freePort()}/postgres`)), "unreachable");
    const silent = createServer(() => {}).listen(0, "127.0.0.1");
    await new Promise((r) => silent.once("listening", r));
    try {
      assert.equal(failureKind(await connectError(`postgresql://postgres@127.0.0.1:${silent.address().port}/postgres`, 300)), "unreachable");
    } finally {
      silent.close();
    }
  });

  test("DATABASE_URL naming a missing database: it is created, and the URL returned as it is", async () => {
    const url = `${server.urlFor("given_missing")}?schema=public&connection_limit=5`;
    const lines = [];
    assert.equal(await withDatabaseUrl(url, () => ensurePostgres({ log: (l) => lines.push(l) })), url);
    assert.equal(await ownerOf("given_missing"), "postgres");
    assert.deepEqual(lines, [`PostgreSQL: checking DATABASE_URL (${url})…`, "PostgreSQL: creating database given_missing"]);
  });

  test("DATABASE_URL naming no database: the one asked for is used", async () => {
    const url = `postgresql://postgres@127.0.0.1:${server.port}`;
    assert.equal(await withDatabaseUrl(url, () => ensurePostgres({ databaseName: "given_default" })), `${url}/given_default`);
    assert.equal(await ownerOf("given_default"), "postgres");
  });

  test("DATABASE_URL that cannot be used: say why and that nothing is started for it", async () => {
    const closed = await freePort();
    await assert.rejects(withDatabaseUrl(`postgresql://postgres:pw@127.0.0.1:${closed}/x`, () => ensurePostgres()), (err) => {
      assert.match(err.message, new RegExp(`^DATABASE_URL \\(postgresql://postgres:\\*\\*\\*@127.0.0.1:${closed}/x\\) is not usable: connect ECONNREFUSED`));
      assert.match(err.message, /\(nothing answers at that address\.\) Fix DATABASE_URL or that server; nothing is started or installed when DATABASE_URL is set/);
      return true;
    });
    await assert.rejects(
      withDatabaseUrl(`postgresql://nobody@127.0.0.1:${server.port}/x`, () => ensurePostgres()),
      /is not usable: role "nobody" does not exist\n {2}\(the server refused the user\/password in it\.\)/,
    );
  });

  test("no DATABASE_URL: the local superuser when there is no hookrelay role; the database is created", async () => {
    const lines = [];
    const url = await withDatabaseUrl("", () => ensurePostgres({ port: server.port, databaseName: "local_first", log: (l) => lines.push(l) }));
    assert.equal(url, `postgresql://postgres@127.0.0.1:${server.port}/local_first`);
    assert.equal(await ownerOf("local_first"), "postgres");
    assert.equal(lines.at(-1), `PostgreSQL: using ${url} (local superuser)`);
  });

  test("no DATABASE_URL: role hookrelay when it can own the database, postgres for one it cannot use", async () => {
    await query(server.urlFor("postgres"), "CREATE ROLE hookrelay LOGIN CREATEDB PASSWORD 'hookrelay'");
    const fresh = await withDatabaseUrl("", () => ensurePostgres({ port: server.port, databaseName: "local_app" }));
    assert.equal(fresh, `postgresql://hookrelay:hookrelay@127.0.0.1:${server.port}/local_app`);
    assert.equal(await ownerOf("local_app"), "hookrelay");
    // local_first belongs to postgres: hookrelay could not create tables in it (PostgreSQL 15+).
    const existing = await withDatabaseUrl("", () => ensurePostgres({ port: server.port, databaseName: "local_first" }));
    assert.equal(existing, `postgresql://postgres@127.0.0.1:${server.port}/local_first`);
  });

  test("recreateDatabase empties the database and gives it its own time zone", async () => {
    const url = server.urlFor("recreated");
    await query(server.urlFor("postgres"), 'CREATE DATABASE "recreated"');
    await query(url, "CREATE TABLE leftover (id int)");
    const open = new pg.Client({ connectionString: url }); // a session still open does not stop it (FORCE)
    await open.connect();
    open.on("error", () => {});
    const lines = [];
    await recreateDatabase(url, { timezone: "Asia/Kolkata", log: (l) => lines.push(l) });
    await open.end().catch(() => {});
    assert.deepEqual(await query(url, "SELECT to_regclass('leftover') AS t"), [{ t: null }]);
    assert.deepEqual(await query(url, "SHOW timezone"), [{ TimeZone: "Asia/Kolkata" }]);
    assert.deepEqual(lines, ["recreated database recreated"]);
  });
});
