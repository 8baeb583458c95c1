#!/usr/bin/env node
// `npm start`: from a fresh clone to a running product. Installs what is
// missing, brings up PostgreSQL and Redis, migrates, seeds demo data, builds,
// then runs the web app and the delivery worker until Ctrl-C.
import { join } from "node:path";
import { ROOT, checkNode, ensureDependencies, generatePrismaClient, buildApp, prepareServices } from "./lib/prepare.mjs";
import { launch, runCommand, stopAll, step, waitForHttp } from "./lib/run.mjs";
import { supervise } from "./lib/supervise.mjs";
import { loadEnvFile } from "./lib/env-file.mjs";

async function main() {
  checkNode();
  await ensureDependencies();
  const env = loadEnvFile(join(ROOT, ".env"), { log: step });
  const port = Number(env.PORT ?? 3000);
  // The demo: a built-in receiver in this app, which the SSRF guard must let through. Only
  // that exact URL (the seeded webhook's), not loopback: with open sign-up any account
  // could otherwise probe the host's loopback services through test-sends.
  env.DEMO_RECEIVER ??= "on";
  if (env.DEMO_RECEIVER === "on") env.ALLOWED_DESTINATION_URLS ??= `http://127.0.0.1:${port}/api/demo/receiver`;
  env.APP_URL ??= `http://localhost:${port}`;
  Object.assign(env, await prepareServices(env, "hookrelay"));
  await generatePrismaClient(env);

  step("seeding the demo workspace…");
  await runCommand("setup", process.execPath, ["--import", "tsx", "prisma/seed.ts"], { cwd: ROOT, env, quiet: true });
  await buildApp(env);

  const runtimeEnv = { ...env, NODE_ENV: "production", PORT: String(port), NEXT_TELEMETRY_DISABLED: "1" };
  // Supervised: a web or worker process that dies is restarted (with a log line), not the end of the app.
  const supervised = [
    supervise("web", process.execPath, ["--import", "tsx", "server.ts"], { cwd: ROOT, env: runtimeEnv }),
    supervise("worker", process.execPath, ["--import", "tsx", "workers/delivery-worker.ts"], { cwd: ROOT, env: runtimeEnv }),
  ];
  let demo;

  let stopping = false;
  const stop = async (code) => {
    if (stopping) return;
    stopping = true;
    console.log("\nstopping web and worker (in-flight deliveries finish first)…");
    await Promise.all([...supervised.map((s) => s.stop()), demo && stopAll([demo])]);
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));

  // A web process that cannot even start once is a setup problem, not something to retry.
  await waitForHttp(`http://127.0.0.1:${port}/api/health`, { timeoutMs: 90_000, child: supervised[0].child }).catch((err) => {
    console.error(`\nnpm start failed: ${err.message}`);
    return stop(1);
  });
  // The demo producer plays the content-protection platform through the public API.
  demo = launch("demo", process.execPath, ["--import", "tsx", "workers/demo-producer.ts"], { cwd: ROOT, env: runtimeEnv });
  demo.on("exit", (code) => code && !stopping && console.error(`[demo] exited (code ${code}); the app keeps running`));
  const email = env.DEMO_EMAIL ?? "demo@hookrelay.dev";
  const password = env.DEMO_PASSWORD ?? "demo-password";
  console.log(`
  HookRelay is running.

    Dashboard   ${env.APP_URL}   (demo events: ${env.DEMO_EVENTS_PER_SEC ?? 2}/s, DEMO_EVENTS_PER_SEC=0 turns them off)
    Login       ${email} / ${password}
    API key     ${env.DEMO_API_KEY}

    Try it:
      curl -X POST ${env.APP_URL}/api/v1/webhooks -H "Authorization: Bearer ${env.DEMO_API_KEY}" \\
        -H "Content-Type: application/json" -d '{"url":"https://example.com/hook","events":["scan.*"]}'
      curl -X POST ${env.APP_URL}/api/v1/events -H "Authorization: Bearer ${env.DEMO_API_KEY}" \\
        -H "Content-Type: application/json" -d '{"event":"scan.completed","data":{"job_id":"scan_1","profile_id":42}}'

  Press Ctrl-C to stop.
`);
}

main().catch((err) => {
  console.error(`\nnpm start failed: ${err.message}`);
  process.exit(1);
});
