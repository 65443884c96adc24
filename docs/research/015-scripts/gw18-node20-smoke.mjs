// graphile-worker 0.18.0 (engines node >=22.18.0) smoke test on Node 20.20.2. Run: cp it into /work/research15/gw18/ and run it there (bare imports resolve from the file)  (database r15_gw18 must exist)
import { run } from "graphile-worker";
const runner = await run({ connectionString: "postgres://postgres@127.0.0.1:5432/r15_gw18", concurrency: 1, noHandleSignals: true, pollInterval: 1000, taskList: { hello: async (p) => console.log("hello", p) } });
await runner.addJob("hello", { a: 1 });
await new Promise((r) => setTimeout(r, 1500));
await runner.stop();
console.log("graphile-worker 0.18 on node", process.version, "OK");
