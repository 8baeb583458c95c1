// Keeps the long-running processes of `npm start` alive: one that dies is started again
// after a backoff, with a log line saying what happened, instead of taking the others down.
import { launch, stopAll } from "./run.mjs";

/**
 * Runs `command` under `name` and restarts it whenever it exits, waiting minBackoffMs, then
 * twice as long after each quick failure (up to maxBackoffMs); a run that lasted stableAfterMs
 * resets the wait. stop() ends it for good (SIGTERM, then SIGKILL) without a restart.
 */
export function supervise(name, command, args, options = {}) {
  const { env, cwd, minBackoffMs = 1000, maxBackoffMs = 30_000, stableAfterMs = 60_000, log = (line) => console.error(line), start = launch } = options;
  let child;
  let stopping = false;
  let quickFailures = 0;
  let restarts = 0;
  let timer;
  const run = () => {
    const startedAt = Date.now();
    child = start(name, command, args, { env, cwd });
    child.on("exit", (code, signal) => {
      if (stopping) return;
      if (Date.now() - startedAt >= stableAfterMs) quickFailures = 0;
      const delay = Math.min(maxBackoffMs, minBackoffMs * 2 ** quickFailures);
      quickFailures++;
      restarts++;
      log(`[${name}] exited (${signal ? `signal ${signal}` : `code ${code}`}); restarting in ${delay / 1000} s (restart ${restarts})`);
      timer = setTimeout(run, delay);
    });
  };
  run();
  return {
    name,
    /** The process running now (a new one after each restart). */
    get child() {
      return child;
    },
    get restarts() {
      return restarts;
    },
    async stop(graceMs) {
      stopping = true;
      clearTimeout(timer);
      await stopAll([child], graceMs);
    },
  };
}
