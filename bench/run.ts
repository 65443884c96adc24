import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

// Runs the bench/*.bench.ts files one after another so they do not compete for the CPU they
// measure: by default every file that does not ask to be run by name only, or the ones named
// (`npm run bench -- password-hash`). `--quick` asks each for a short smoke run. Each file
// exports `run({ quick })`, which prints its own tables. Benchmarks are not tests: run them by
// hand on a quiet machine and copy the numbers into the README or the decision they support.

type BenchModule = { run: (opts: { quick: boolean }) => Promise<void>; byNameOnly?: boolean };

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const quick = args.includes("--quick");
const wanted = args.filter((a) => !a.startsWith("--"));
const files = readdirSync(here)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.includes(w)))
  .sort();

if (files.length === 0) {
  console.error(`No bench files match ${wanted.join(", ")}.`);
  process.exit(1);
}
for (const file of files) {
  const mod = (await import(pathToFileURL(path.join(here, file)).href)) as BenchModule;
  if (wanted.length === 0 && mod.byNameOnly) {
    console.error(`(skipping ${file}: run it by name, \`npm run bench -- ${file.replace(".bench.ts", "")}\`)`);
    continue;
  }
  console.log(`\n# ${file}\n`);
  await mod.run({ quick });
}
