// public/: the icons, logo, manifest and robots.txt the pages reference are served to
// anyone (no session: browsers and crawlers fetch them before signing in), and every
// page's <head> points at them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { BASE_URL } from "../helpers/api";

const get = (path: string) => fetch(new URL(path, BASE_URL), { redirect: "manual" });

test("robots.txt keeps crawlers out of the private dashboard", async () => {
  const res = await get("/robots.txt");
  assert.equal(res.status, 200);
  const text = await res.text();
  assert.match(text, /^User-agent: \*$/m);
  assert.match(text, /^Disallow: \/$/m);
});

test("the sign-in page's head references the icons and manifest, and each is served", async () => {
  const html = await (await get("/login")).text();
  const hrefs = [...html.matchAll(/<link[^>]+rel="(?:icon|apple-touch-icon|manifest)"[^>]*>/g)].map((m) => /href="([^"]+)"/.exec(m[0])![1]);
  for (const path of ["/favicon.ico", "/logo.svg", "/apple-touch-icon.png", "/site.webmanifest"]) {
    assert.ok(hrefs.includes(path), `${path} is linked from <head> (found ${hrefs.join(", ")})`);
  }
  assert.match(html, /<meta name="robots" content="noindex, nofollow"/);

  const types: Record<string, RegExp> = {
    "/favicon.ico": /image\/(x-icon|vnd\.microsoft\.icon)/,
    "/logo.svg": /image\/svg\+xml/,
    "/apple-touch-icon.png": /image\/png/,
  };
  for (const [path, type] of Object.entries(types)) {
    const res = await get(path);
    assert.equal(res.status, 200, path);
    assert.match(res.headers.get("content-type") ?? "", type, path);
  }

  const manifest = await (await get("/site.webmanifest")).json();
  assert.equal(manifest.name, "HookRelay");
  for (const icon of manifest.icons as { src: string }[]) assert.equal((await get(icon.src)).status, 200, icon.src);
});
