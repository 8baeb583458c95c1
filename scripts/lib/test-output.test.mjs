import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import test from "node:test";
import { failingTests } from "./test-output.mjs";

test("names node:test's failing tests with their place and first error line", () => {
  const dir = mkdtempSync(join(tmpdir(), "hookrelay-test-output-"));
  try {
    const file = join(dir, "sample.test.mjs");
    writeFileSync(
      file,
      [
        'import test from "node:test";',
        'import assert from "node:assert/strict";',
        'test("passes", () => {});',
        'test("compares", () => assert.equal(1, 2));',
        'test("throws", () => { throw new Error("receiver never answered"); });',
      ].join("\n"),
    );
    // The real runner, as npm test runs it, so a change in its report format shows here.
    // NODE_TEST_CONTEXT would make the inner runner report to this one instead of printing.
    const { NODE_TEST_CONTEXT: _, ...env } = process.env;
    const run = spawnSync(process.execPath, ["--test", "--test-reporter=spec", file], { encoding: "utf8", env: { ...env, FORCE_COLOR: "1" } });
    assert.notEqual(run.status, 0);
    const found = failingTests(run.stdout + run.stderr);
    assert.equal(found.length, 2, found.join("\n"));
    assert.match(found[0], /^✖ compares \(.*sample\.test\.mjs:4:\d+\): AssertionError/);
    assert.match(found[1], /^✖ throws \(.*sample\.test\.mjs:5:\d+\): Error: receiver never answered$/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("names Playwright's failing tests from its list reporter", () => {
  const output = [
    "  ✓  1 [chromium] › e2e/a.spec.ts:5:1 › works (1.2s)",
    "  ✘  2 [chromium] › e2e/b.spec.ts:8:1 › breaks (30.0s)",
    "  ✘  2 [chromium] › e2e/b.spec.ts:8:1 › breaks (30.0s)",
    "  1 failed",
  ].join("\n");
  assert.deepEqual(failingTests(output), ["✘ [chromium] › e2e/b.spec.ts:8:1 › breaks"]);
});

test("a passing run names nothing, and a long list is cut with a count", () => {
  assert.deepEqual(failingTests("ℹ pass 3\nℹ fail 0\n"), []);
  const many = Array.from({ length: 25 }, (_, i) => `  ✘  ${i} [chromium] › t${i}`).join("\n");
  const found = failingTests(many, { max: 20 });
  assert.equal(found.length, 21);
  assert.equal(found.at(-1), "… and 5 more");
});
