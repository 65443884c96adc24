import { runCommand } from "./run-command";
import { resetTwoFactor } from "../lib/auth/two-factor/internal/reset";

// Support for two-factor sign-in (decision 035), against DATABASE_URL (or the embedded database):
//   npm run two-factor -- reset it@hillside.example    (lost phone and recovery codes)
const [command, email] = process.argv.slice(2).filter((a) => !a.startsWith("--"));

async function main(): Promise<string> {
  if (command === "reset" && email) {
    return (await resetTwoFactor(email)) ? `Two-factor is off for ${email} and their sessions have ended.` : `No account has the email ${email}.`;
  }
  process.exitCode = 2;
  return "Usage: npm run two-factor -- reset email";
}

runCommand(main);
