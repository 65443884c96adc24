import type { TestProject } from "vitest/node";
import { TEST_CLIENT_ID, TEST_CLIENT_SECRET, startTestProvider } from "../fixtures/oidc-provider";

declare module "vitest" {
  export interface ProvidedContext {
    oidcIssuer: string;
    oidcProviderName: string;
  }
}

// The browser suite's OpenID provider (decision 034): a real oidc-provider on loopback,
// started before the app (global-app.ts, which passes its own environment on), so the app
// is configured with it as the generic school provider. Its people are chosen by the login
// typed on its page (tests/fixtures/oidc-provider.ts). Self-contained: one globalSetup entry.
const TEST_PROVIDER_NAME = "Test School Login";

export default async function setup(project: TestProject) {
  const op = await startTestProvider();
  Object.assign(process.env, {
    OIDC_GENERIC_ISSUER: op.issuer,
    OIDC_GENERIC_CLIENT_ID: TEST_CLIENT_ID,
    OIDC_GENERIC_CLIENT_SECRET: TEST_CLIENT_SECRET,
    OIDC_GENERIC_NAME: TEST_PROVIDER_NAME,
  });
  project.provide("oidcIssuer", op.issuer);
  project.provide("oidcProviderName", TEST_PROVIDER_NAME);
  return () => op.close();
}
