import { runCommand } from "./run-command";
import { listDepartments, removeDepartmentMember, setDepartmentMember } from "../lib/moderation/internal/departments";

// The school administrator's way to make departments and heads (decision 030), against
// DATABASE_URL:
//   npm run department -- add "History" teacher@school.example [--head]
//   npm run department -- remove "History" teacher@school.example
//   npm run department -- list
const [command, department, email] = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const head = process.argv.includes("--head");

async function main(): Promise<string> {
  if (command === "add" && department && email) {
    const { department: d, teacher, role } = await setDepartmentMember(department, email, head ? "HEAD" : "MEMBER");
    return `${teacher} is now ${role === "HEAD" ? "a head" : "a member"} of ${d.name}.`;
  }
  if (command === "remove" && department && email) {
    return (await removeDepartmentMember(department, email)) ? `Removed ${email} from ${department}.` : `${email} was not in ${department}.`;
  }
  if (command === "list") {
    const all = await listDepartments();
    if (!all.length) return "No departments yet.";
    return all.map((d) => `${d.name}\n${d.members.map((m) => `  ${m.role === "HEAD" ? "head  " : "member"} ${m.teacher.name} <${m.teacher.email}>`).join("\n")}`).join("\n");
  }
  process.exitCode = 2;
  return 'Usage: npm run department -- add "Department" email [--head] | remove "Department" email | list';
}

runCommand(main);
