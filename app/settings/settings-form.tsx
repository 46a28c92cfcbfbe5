"use client";
import { useActionState } from "react";
import type { Settings } from "@/lib/srs";
import { saveSettingsAction } from "./actions";
import type { SettingsFormState } from "./form-values";

type Name = keyof Settings;

const control =
  "w-full rounded-md border border-stone-300 bg-white px-3 text-stone-900 shadow-sm " +
  "aria-[invalid=true]:border-red-600 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-100 dark:aria-[invalid=true]:border-red-400";
const inputClass = `${control} h-10`;

/** ids for a field's hint and error, and the attributes that tie them to its input. */
function a11y(name: Name, errors: SettingsFormState["errors"], hasHint = true) {
  const error = errors[name]?.[0];
  const describedBy = [hasHint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(" ");
  return {
    id: name,
    name,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy || undefined,
  } as const;
}

/** A whole number within [min, max]: the integer settings (limits, days, minutes, backups). */
function WholeNumberInput({
  name,
  min,
  max,
  value,
  errors,
}: {
  name: Name;
  min: number;
  max: number;
  value: string | number | undefined;
  errors: SettingsFormState["errors"];
}) {
  return <input type="number" step="1" min={min} max={max} inputMode="numeric" defaultValue={value} className={inputClass} {...a11y(name, errors)} />;
}

function Field({
  name,
  label,
  hint,
  errors,
  children,
}: {
  name: Name;
  label: string;
  hint?: React.ReactNode;
  errors: SettingsFormState["errors"];
  children: React.ReactNode;
}) {
  const messages = errors[name];
  return (
    <div>
      <label htmlFor={name} className="block text-sm font-medium">
        {label}
      </label>
      <div className="mt-1">{children}</div>
      {hint && (
        <p id={`${name}-hint`} className="mt-1 text-xs text-stone-600 dark:text-stone-400">
          {hint}
        </p>
      )}
      {messages && messages.length > 0 && (
        <p id={`${name}-error`} className="mt-1 text-sm text-red-700 dark:text-red-400" data-testid={`${name}-error`}>
          {messages.join("; ")}
        </p>
      )}
    </div>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <fieldset className="rounded-lg border border-stone-200 p-4 dark:border-stone-800">
      <legend className="px-1 text-sm font-semibold text-stone-700 dark:text-stone-300">{title}</legend>
      <div className="grid gap-4 sm:grid-cols-2">{children}</div>
    </fieldset>
  );
}

const hourLabel = (h: number) => `${String(h).padStart(2, "0")}:00`;

export function SettingsForm({ initial, timeZones }: { initial: SettingsFormState; timeZones: string[] }) {
  const [state, formAction, pending] = useActionState(saveSettingsAction, initial);
  const { values: v, errors } = state;

  return (
    // noValidate: the server's messages are the inline errors (the browser's bubbles would pre-empt them).
    <form action={formAction} noValidate className="space-y-6">
      <Section title="Memory">
        <Field
          name="desiredRetention"
          label="Desired retention"
          hint="0.70–0.99: the chance of recalling a card when it comes due. Higher = more reviews."
          errors={errors}
        >
          <input
            type="number"
            step="0.01"
            min="0.7"
            max="0.99"
            inputMode="decimal"
            defaultValue={v.desiredRetention}
            className={inputClass}
            {...a11y("desiredRetention", errors)}
          />
        </Field>
        <Field
          name="maximumInterval"
          label="Maximum interval (days)"
          hint="The longest gap between two reviews of a card. 36500 = no real limit."
          errors={errors}
        >
          <WholeNumberInput name="maximumInterval" min={1} max={36500} value={v.maximumInterval} errors={errors} />
        </Field>
        <div className="sm:col-span-2">
          <div className="flex items-start gap-2">
            <input type="checkbox" defaultChecked={v.enableFuzz} className="mt-1 h-4 w-4 accent-red-700" {...a11y("enableFuzz", errors)} />
            <div>
              <label htmlFor="enableFuzz" className="text-sm font-medium">
                Fuzz intervals
              </label>
              <p id="enableFuzz-hint" className="text-xs text-stone-600 dark:text-stone-400">
                Spreads due dates by a few percent so cards learned together don’t stay bunched.
              </p>
              {errors.enableFuzz?.[0] && (
                <p id="enableFuzz-error" className="mt-1 text-sm text-red-700 dark:text-red-400">
                  {errors.enableFuzz.join("; ")}
                </p>
              )}
            </div>
          </div>
        </div>
      </Section>

      <Section title="Daily limits">
        <Field name="newPerDay" label="New cards per day" hint="0–9999. New cards are mixed in among reviews." errors={errors}>
          <WholeNumberInput name="newPerDay" min={0} max={9999} value={v.newPerDay} errors={errors} />
        </Field>
        <Field name="reviewsPerDay" label="Reviews per day" hint="0–99999. Cards in learning are not capped." errors={errors}>
          <WholeNumberInput name="reviewsPerDay" min={0} max={99999} value={v.reviewsPerDay} errors={errors} />
        </Field>
      </Section>

      <Section title="Steps">
        <Field name="learningSteps" label="Learning steps" hint="For new cards, e.g. “1m 10m” (m, h or d; a day step only last). Empty = none." errors={errors}>
          <input type="text" autoComplete="off" spellCheck={false} defaultValue={v.learningSteps} className={inputClass} {...a11y("learningSteps", errors)} />
        </Field>
        <Field name="relearningSteps" label="Relearning steps" hint="After a lapse (Again on a review card), e.g. “10m”. Empty = none." errors={errors}>
          <input
            type="text"
            autoComplete="off"
            spellCheck={false}
            defaultValue={v.relearningSteps}
            className={inputClass}
            {...a11y("relearningSteps", errors)}
          />
        </Field>
        <Field
          name="learnAheadMinutes"
          label="Learn ahead (minutes)"
          hint="When nothing else is due, learning cards due within this many minutes are shown early (Anki: 20)."
          errors={errors}
        >
          <WholeNumberInput name="learnAheadMinutes" min={0} max={1440} value={v.learnAheadMinutes} errors={errors} />
        </Field>
      </Section>

      <Section title="Study day">
        <Field name="dayStartHour" label="Day starts at" hint="“Today” and the daily limits reset at this hour (Anki: 04:00)." errors={errors}>
          <select defaultValue={v.dayStartHour} className={inputClass} {...a11y("dayStartHour", errors)}>
            {Array.from({ length: 24 }, (_, h) => (
              <option key={h} value={String(h)}>
                {hourLabel(h)}
              </option>
            ))}
          </select>
        </Field>
        <Field name="timezone" label="Time zone" hint="An IANA name such as Europe/Berlin; type to search." errors={errors}>
          <input
            type="text"
            list="timezone-options"
            autoComplete="off"
            spellCheck={false}
            defaultValue={v.timezone}
            className={inputClass}
            {...a11y("timezone", errors)}
          />
          <datalist id="timezone-options">
            {timeZones.map((tz) => (
              <option key={tz} value={tz} />
            ))}
          </datalist>
        </Field>
      </Section>

      <Section title="Backups">
        <Field
          name="backupsKeep"
          label="Automatic backups to keep"
          hint="Cardinal backs your collection up each time it starts and keeps this many of those (0 = none). Backups you make on /data are always kept."
          errors={errors}
        >
          <WholeNumberInput name="backupsKeep" min={0} max={1000} value={v.backupsKeep} errors={errors} />
        </Field>
      </Section>

      <fieldset className="rounded-lg border border-stone-200 p-4 dark:border-stone-800">
        <legend className="px-1 text-sm font-semibold text-stone-700 dark:text-stone-300">Advanced</legend>
        <Field
          name="weights"
          label="FSRS weights"
          hint="17, 19 or 21 numbers separated by commas, e.g. from the FSRS optimizer. Empty = ts-fsrs’s defaults."
          errors={errors}
        >
          <textarea
            rows={3}
            spellCheck={false}
            defaultValue={v.weights}
            placeholder="empty = defaults"
            className={`${control} py-2 font-mono text-sm`}
            {...a11y("weights", errors)}
          />
        </Field>
      </fieldset>

      <div className="flex items-center gap-4">
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-red-700 px-4 py-2 text-sm font-medium text-white hover:bg-red-800 disabled:opacity-60 dark:bg-red-600 dark:hover:bg-red-500"
        >
          {pending ? "Saving…" : "Save settings"}
        </button>
        <p
          role="status"
          aria-live="polite"
          className={`text-sm ${state.status === "invalid" ? "text-red-700 dark:text-red-400" : "text-green-700 dark:text-green-400"}`}
        >
          {state.message}
        </p>
      </div>
    </form>
  );
}
