import { runCommand } from "./run-command";
import { addSchoolAdmin, ensureSchool, listSchools, removeSchoolAdmin } from "../lib/schools/internal/schools";

// First set-up of a school (decision 033), against DATABASE_URL (or the embedded database):
//   npm run school -- create "Hillside Academy"
//   npm run school -- admin "Hillside Academy" it@hillside.example     (makes the school if new)
//   npm run school -- remove-admin "Hillside Academy" it@hillside.example
//   npm run school -- list
// The administrator then signs in and opens /admin to set up sign-in, two-factor and the LMS.
const [command, school, email] = process.argv.slice(2).filter((a) => !a.startsWith("--"));

async function main(): Promise<string> {
  if (command === "create" && school) return `School ready: ${(await ensureSchool(school)).name}.`;
  if (command === "admin" && school && email) {
    const { school: s, admin } = await addSchoolAdmin(school, email);
    return `${admin} is now an administrator of ${s.name}. They can open /admin once signed in.`;
  }
  if (command === "remove-admin" && school && email) {
    return (await removeSchoolAdmin(school, email)) ? `${email} no longer administers ${school}.` : `${email} did not administer ${school}.`;
  }
  if (command === "list") {
    const all = await listSchools();
    if (!all.length) return "No schools yet.";
    return all
      .map((s) => `${s.name} (${s._count.members} members)\n${s.admins.map((a) => `  admin ${a.user.name} <${a.user.email}>`).join("\n") || "  no administrators"}`)
      .join("\n");
  }
  process.exitCode = 2;
  return 'Usage: npm run school -- create "School" | admin "School" email | remove-admin "School" email | list';
}

runCommand(main);
