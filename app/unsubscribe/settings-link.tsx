import Link from "next/link";

/** "Choose which emails you get": every state of the unsubscribe page ends with it. */
export function SettingsLink({ small = false }: { small?: boolean }) {
  return (
    <p className={small ? "mt-4 text-sm" : "mt-4"}>
      <Link href="/account/notifications" className={small ? "text-indigo-800 underline" : "font-medium text-indigo-800 underline"}>
        Choose which emails you get
      </Link>
    </p>
  );
}
