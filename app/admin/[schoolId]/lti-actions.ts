"use server";

import { revalidatePath } from "next/cache";
import { safeAction } from "@/lib/actions/safe-action";
import { addLtiDeployment, addLtiRegistration, removeLtiDeployment, removeLtiRegistration } from "@/lib/lti/registrations";
import { AddDeploymentSchema, AddRegistrationSchema, RemoveDeploymentSchema, RemoveRegistrationSchema } from "@/lib/lti/schemas";

// A school's LMS registrations (decision 036); lib/lti/registrations.ts checks the school's
// administrator on every call.

export const addLtiRegistrationAction = safeAction("TEACHER", AddRegistrationSchema, async (input, user) => {
  await addLtiRegistration(user, input);
  revalidatePath(`/admin/${input.schoolId}`);
});

export const addLtiDeploymentAction = safeAction("TEACHER", AddDeploymentSchema, async (input, user) => {
  await addLtiDeployment(user, input);
  revalidatePath(`/admin/${input.schoolId}`);
});

export const removeLtiRegistrationAction = safeAction("TEACHER", RemoveRegistrationSchema, async (input, user) => {
  await removeLtiRegistration(user, input);
  revalidatePath(`/admin/${input.schoolId}`);
});

export const removeLtiDeploymentAction = safeAction("TEACHER", RemoveDeploymentSchema, async (input, user) => {
  await removeLtiDeployment(user, input);
  revalidatePath(`/admin/${input.schoolId}`);
});
