import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

// Runs every bench/*.bench.ts (or the ones named: `npm run bench -- password-hash`), one
// after another so they do not compete for the CPU they measure. Each file exports `run()`,
// which prints its own table. Benchmarks are not tests: run them by hand on a quiet machine
// and copy the numbers into the decision record they support.

const here = path.dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.includes(w)))
  .sort();

if (files.length === 0) {
  console.error(`No bench files match ${wanted.join(", ")}.`);
  process.exit(1);
}
for (const file of files) {
  console.log(`\n# ${file}\n`);
  const mod = (await import(pathToFileURL(path.join(here, file)).href)) as { run: () => Promise<void> };
  await mod.run();
}
