import { disconnectDb } from "../lib/db";

/**
 * Runs an administrator's command (npm run department, npm run school): prints its one-line
 * answer, or its refusal's message with exit code 1, and closes the database either way.
 */
export function runCommand(main: () => Promise<string>): void {
  main()
    .then((line) => console.log(line))
    .catch((e) => {
      console.error(e instanceof Error ? e.message : e);
      process.exitCode = 1;
    })
    .finally(disconnectDb);
}
