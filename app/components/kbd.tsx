// A keyboard key, as shown in shortcut hints.
export function Kbd({ children }: { children: React.ReactNode }) {
  return (
    <kbd className="inline-block min-w-[1.5em] rounded border border-stone-300 bg-white px-1 text-center font-mono text-[0.8em] leading-snug text-stone-700 shadow-[0_1px_0_0] shadow-stone-300 dark:border-stone-600 dark:bg-stone-800 dark:text-stone-200 dark:shadow-stone-700">
      {children}
    </kbd>
  );
}
