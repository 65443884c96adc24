"use client";

import { ActionForm } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/field";
import { addLtiDeploymentAction, addLtiRegistrationAction, removeLtiDeploymentAction, removeLtiRegistrationAction } from "./lti-actions";

export function AddRegistrationForm({ schoolId }: { schoolId: string }) {
  return (
    <ActionForm action={addLtiRegistrationAction} submitLabel="Register the LMS" pendingLabel="Registering…" successMessage="The LMS is registered." resetOnSuccess testId="add-lti-registration">
      <input type="hidden" name="schoolId" value={schoolId} />
      <TextField name="label" label="Name (optional)" placeholder="e.g. Moodle" />
      <TextField name="issuer" label="Issuer (platform ID)" placeholder="https://lms.school.org" />
      <TextField name="clientId" label="Client ID" />
      <TextField name="deploymentId" label="Deployment ID" />
      <TextField name="authUrl" label="Authentication request URL" placeholder="https://lms.school.org/mod/lti/auth.php" />
      <TextField name="tokenUrl" label="Access token URL" placeholder="https://lms.school.org/mod/lti/token.php" />
      <TextField name="jwksUrl" label="Public keyset URL" placeholder="https://lms.school.org/mod/lti/certs.php" />
    </ActionForm>
  );
}

export function AddDeploymentForm({ schoolId, registrationId }: { schoolId: string; registrationId: string }) {
  return (
    <ActionForm action={addLtiDeploymentAction} submitLabel="Add deployment" pendingLabel="Adding…" resetOnSuccess submitVariant="secondary" className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="schoolId" value={schoolId} />
      <input type="hidden" name="registrationId" value={registrationId} />
      <TextField name="deploymentId" label="Another deployment ID" />
    </ActionForm>
  );
}

export function RemoveButton({ schoolId, what, id, label }: { schoolId: string; what: "registration" | "deployment"; id: string; label: string }) {
  return (
    <ActionForm action={what === "registration" ? removeLtiRegistrationAction : removeLtiDeploymentAction} submitLabel={label} pendingLabel="Removing…" submitVariant="danger" className="">
      <input type="hidden" name="schoolId" value={schoolId} />
      <input type="hidden" name={what === "registration" ? "registrationId" : "deploymentId"} value={id} />
    </ActionForm>
  );
}
