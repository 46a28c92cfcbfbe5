"use server";
// The settings form's Server Action: validates with settingsSchema (inside
// updateSettings) and returns the form state; nothing is written on an error.
import { revalidatePath } from "next/cache";
import { updateSettings } from "@/lib/services/settings";
import { readForm, toFormValues, toSettingsInput, type SettingsFormState } from "./form-values";

export async function saveSettingsAction(_prev: SettingsFormState, form: FormData): Promise<SettingsFormState> {
  const values = readForm(form);
  const r = updateSettings(toSettingsInput(values), new Date());
  if (!r.ok) {
    const n = Object.keys(r.fieldErrors).length;
    return {
      status: "invalid",
      message:
        n === 0 ? `Not saved: ${r.formErrors.join("; ") || "invalid settings"}.` : `Not saved: ${n === 1 ? "one field needs" : `${n} fields need`} fixing.`,
      errors: r.fieldErrors,
      // Keep what was typed so it can be corrected.
      values,
    };
  }
  revalidatePath("/settings");
  return {
    status: "saved",
    message: "Saved. Changes apply from your next answer (to move cards already scheduled, see “Apply changes to existing cards” below).",
    errors: {},
    // What was stored, normalised (e.g. "1M, 10m" → "1m 10m").
    values: toFormValues(r.settings),
  };
}
