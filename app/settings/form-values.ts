// The settings form's values (what the inputs show) and the FormData → schema-input
// mapping. Validation itself is lib/srs/settings-schema.ts.
import type { Settings } from "@/lib/srs";
import type { FieldErrors, SettingsInput } from "@/lib/srs/settings-schema";

/** Exactly what the inputs hold: text for every field but the checkbox. */
export type SettingsFormValues = { [K in keyof Settings]: K extends "enableFuzz" ? boolean : string };

export type SettingsFormState = {
  status: "idle" | "saved" | "invalid";
  message: string;
  errors: FieldErrors;
  values: SettingsFormValues;
};

export function toFormValues(s: Settings): SettingsFormValues {
  return {
    desiredRetention: String(s.desiredRetention),
    newPerDay: String(s.newPerDay),
    reviewsPerDay: String(s.reviewsPerDay),
    learningSteps: s.learningSteps,
    relearningSteps: s.relearningSteps,
    maximumInterval: String(s.maximumInterval),
    enableFuzz: s.enableFuzz,
    dayStartHour: String(s.dayStartHour),
    timezone: s.timezone,
    weights: s.weights ? s.weights.join(", ") : "",
    learnAheadMinutes: String(s.learnAheadMinutes ?? 20),
    backupsKeep: String(s.backupsKeep ?? 10),
  };
}

const text = (form: FormData, name: string): string => {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
};

/** "" → undefined (the schema says "required"); a number → that number; anything else
 * stays text so the schema reports "must be a number" rather than coercing it. */
function numberOrText(raw: string): number | string | undefined {
  const t = raw.trim();
  if (t === "") return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : t;
}

export function readForm(form: FormData): SettingsFormValues {
  return {
    desiredRetention: text(form, "desiredRetention"),
    newPerDay: text(form, "newPerDay"),
    reviewsPerDay: text(form, "reviewsPerDay"),
    learningSteps: text(form, "learningSteps"),
    relearningSteps: text(form, "relearningSteps"),
    maximumInterval: text(form, "maximumInterval"),
    // An unchecked checkbox is simply absent from the form data.
    enableFuzz: form.has("enableFuzz"),
    dayStartHour: text(form, "dayStartHour"),
    timezone: text(form, "timezone"),
    weights: text(form, "weights"),
    learnAheadMinutes: text(form, "learnAheadMinutes"),
    backupsKeep: text(form, "backupsKeep"),
  };
}

/** Form values → the schema's input shape. Weights: "" → null (ts-fsrs's defaults);
 * "0.2, 1.2 …" (commas and/or spaces) → numbers; a token that is not a number is kept
 * as text so the schema names it ("abc" is not a number). */
export function toSettingsInput(v: SettingsFormValues): Record<keyof SettingsInput, unknown> {
  const w = v.weights.trim();
  return {
    desiredRetention: numberOrText(v.desiredRetention),
    newPerDay: numberOrText(v.newPerDay),
    reviewsPerDay: numberOrText(v.reviewsPerDay),
    learningSteps: v.learningSteps,
    relearningSteps: v.relearningSteps,
    maximumInterval: numberOrText(v.maximumInterval),
    enableFuzz: v.enableFuzz,
    dayStartHour: numberOrText(v.dayStartHour),
    timezone: v.timezone,
    // Empty (or a form without the field) keeps the saved value.
    learnAheadMinutes: v.learnAheadMinutes === undefined ? undefined : numberOrText(v.learnAheadMinutes),
    backupsKeep: v.backupsKeep === undefined ? undefined : numberOrText(v.backupsKeep),
    weights:
      w === ""
        ? null
        : w
            .replace(/^\[|\]$/g, "")
            .split(/[\s,]+/)
            .filter((t) => t !== "")
            .map((t) => numberOrText(t)),
  };
}
