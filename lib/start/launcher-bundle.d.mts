export const LAUNCHER_BUNDLE: string;
export const LAUNCHER_INPUTS: string;
export function bundleIsFresh(builtMs: number | null, inputMs: (number | null)[] | null): boolean;
export function launcherBundleIsFresh(root: string): boolean;
