/** 1 MB, the same limit as a server action's body (lib/security/action-guard.ts). Shared by
 * json-route.ts and the autosave fast path (lib/fast-path/), which must not import Next. */
export const MAX_JSON_BODY = 1024 * 1024;
