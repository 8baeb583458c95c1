// Reading the test runners' output for npm test's closing summary. CI shows only the tail of
// a run, so the names of the tests that failed must be repeated there, next to the totals.

const ANSI = /\x1b\[[0-9;]*m/g;
const DURATION = /(?: \(\d[\d.]*m?s\))?$/;

/**
 * The failing tests, one line each with where they are and the first line of their error.
 * node:test's spec reporter lists them after "✖ failing tests:" as "test at file:line:col",
 * "✖ name (ms)" and the indented error; Playwright's list reporter marks them "✘ n … › name".
 */
export function failingTests(output, { max = 20 } = {}) {
  const lines = output.replace(ANSI, "").split("\n");
  const found = [];
  const marker = lines.findIndex((line) => /^\S*\s*failing tests:\s*$/.test(line));
  let place = "";
  for (let i = marker + 1; marker >= 0 && i < lines.length; i++) {
    const at = /^test at (\S+)/.exec(lines[i].trim());
    if (at) place = at[1];
    const failed = /^✖ (.+)$/.exec(lines[i]);
    if (failed && place) {
      const reason = lines.slice(i + 1).find((line) => line.trim())?.trim() ?? "";
      found.push(`✖ ${failed[1].replace(DURATION, "")} (${place})${reason ? `: ${reason.slice(0, 160)}` : ""}`);
      place = "";
    }
  }
  for (const line of lines) {
    const failed = /^\s*✘\s+\d+\s+(.+)$/.exec(line);
    if (failed) found.push(`✘ ${failed[1].replace(DURATION, "")}`);
  }
  const unique = [...new Set(found)];
  return unique.length > max ? [...unique.slice(0, max), `… and ${unique.length - max} more`] : unique;
}
