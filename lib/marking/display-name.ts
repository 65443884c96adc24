/**
 * The name a teacher sees for a student on marking screens (the queue today). One function
 * so that blind marking (issue 13, part 4) can replace names by candidate numbers in one
 * place: it will pass the assignment's setting and the student's number here.
 */
export function displayName(student: { name: string }): string {
  return student.name;
}
