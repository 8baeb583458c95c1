// Connection URLs as the set-up reads and rewrites them: libpq's forms included
// (no host, socket directory in ?host=), Prisma's query parameters kept.
import assert from "node:assert/strict";
import { test } from "node:test";
import { databaseOf, redact, withDatabase } from "./urls.mjs";

test("databaseOf reads the database of a URL, decoded, and '' when it names none", () => {
  assert.equal(databaseOf("postgresql://u:p@db.example:5433/hookrelay?schema=app"), "hookrelay");
  assert.equal(databaseOf("postgresql://u@/my%20db?host=/run/postgresql"), "my db");
  assert.equal(databaseOf("postgres://u:p@127.0.0.1:5432"), "");
  assert.equal(databaseOf("postgres://u:p@127.0.0.1:5432/"), "");
});

test("withDatabase swaps only the database: user, password, host, port and query stay", () => {
  assert.equal(withDatabase("postgresql://u:p%40ss@db:5433/old?schema=app&sslmode=require", "postgres"), "postgresql://u:p%40ss@db:5433/postgres?schema=app&sslmode=require");
  assert.equal(withDatabase("postgresql://u@/old?host=/run/postgresql", "new db"), "postgresql://u@/new%20db?host=/run/postgresql");
  assert.equal(withDatabase("postgresql://u@127.0.0.1:5432", "hookrelay"), "postgresql://u@127.0.0.1:5432/hookrelay");
});

test("a string that is no connection URL is refused, without its password in the message", () => {
  assert.throws(() => databaseOf("u:secret@host/db"), (err) => err.message === "Not a connection URL: u:secret@host/db");
  assert.throws(() => withDatabase("nonsense", "x"), /Not a connection URL: nonsense/);
});

test("redact hides the password and nothing else", () => {
  assert.equal(redact("postgresql://hookrelay:s3cr:et@127.0.0.1:5432/db"), "postgresql://hookrelay:***@127.0.0.1:5432/db");
  assert.equal(redact("redis://:pw@10.0.0.5:6379"), "redis://:***@10.0.0.5:6379");
  assert.equal(redact("redis://default:pw@[::1]:6379/0"), "redis://default:***@[::1]:6379/0");
  assert.equal(redact("postgresql://postgres@127.0.0.1:5432/db"), "postgresql://postgres@127.0.0.1:5432/db");
  assert.equal(redact("redis://127.0.0.1:6379"), "redis://127.0.0.1:6379");
});
