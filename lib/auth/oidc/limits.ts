import { type Limit, type Slot, throttleKey } from "../throttle";

// Starts and callbacks per address (decision 034). A whole school may sign in from one
// address at nine o'clock, so the free allowance is large; it only stops a client from
// filling the attempts table or hammering the provider through us.
const MINUTE = 60_000;
export const PROVIDER_START_LIMIT: Limit = { free: 1000, baseMs: 2_000, capMs: 15 * MINUTE, windowMs: 15 * MINUTE, onSuccess: "keep" };
// Callbacks that fail (a forged or replayed state, a refused account) count; a success refunds.
export const PROVIDER_CALLBACK_LIMIT: Limit = { free: 300, baseMs: 2_000, capMs: 15 * MINUTE, windowMs: 15 * MINUTE, onSuccess: "refund" };

export const providerStartSlots = (address: string): Slot[] => [{ key: throttleKey("provider:start", address), limit: PROVIDER_START_LIMIT }];
export const providerCallbackSlots = (address: string): Slot[] => [{ key: throttleKey("provider:callback", address), limit: PROVIDER_CALLBACK_LIMIT }];
