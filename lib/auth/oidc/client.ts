import "server-only";
import * as oidc from "openid-client";
import { AppError } from "../../errors";
import type { Provider } from "./providers";

// openid-client Configurations by provider (decision 034). Discovery and the provider's keys
// are cached per process: a cache only, which any instance rebuilds on its first sign-in, so
// nothing another instance needs lives here. A failed discovery is not cached.

const DISCOVERY_TTL_MS = 60 * 60 * 1000;
const cache = new Map<string, { config: Promise<oidc.Configuration>; at: number }>();

const isLoopback = (url: URL) => ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);

/** For tests only: a fetch that sends the library's requests to a stand-in on loopback. */
export type ProviderFetch = oidc.CustomFetch;

export async function providerConfig(provider: Provider, customFetch?: ProviderFetch): Promise<oidc.Configuration> {
  const key = `${provider.id} ${provider.issuer} ${provider.clientId}`;
  const hit = customFetch ? undefined : cache.get(key);
  if (hit && Date.now() - hit.at < DISCOVERY_TTL_MS) return hit.config;
  const issuer = new URL(provider.issuer);
  const config = oidc
    .discovery(issuer, provider.clientId, provider.clientSecret, undefined, {
      // Plain http only for an issuer on loopback (lib/env.ts refuses any other): the test
      // provider. Decided by configuration, never by a request.
      execute: issuer.protocol === "http:" && isLoopback(issuer) ? [oidc.allowInsecureRequests] : [],
      ...(customFetch ? { [oidc.customFetch]: customFetch } : {}),
      timeout: 10,
    })
    .catch((e: unknown) => {
      cache.delete(key);
      console.warn(`Could not reach the ${provider.label} sign-in provider at ${provider.issuer}:`, e instanceof Error ? e.message : e);
      throw new AppError(`${provider.label} sign-in can't be reached just now. Try again in a minute, or sign in with your password.`, 503);
    });
  if (!customFetch) cache.set(key, { config, at: Date.now() });
  return config;
}
