import type { Metadata } from "next";
import { getSettings } from "@/lib/services/settings";
import { SettingsForm } from "./settings-form";
import { toFormValues, type SettingsFormState } from "./form-values";
import { OptimisePanel } from "./optimise-panel";
import { WorkloadChart } from "./workload-chart";
import { ReschedulePanel } from "./reschedule-panel";
import { DeckPresets } from "./deck-presets";
import { deckPresets } from "@/lib/services/deck-presets";
import { jobDto, parameterSetDto } from "@/lib/api/fsrs-dto";
import { latestOptimisation, parameterHistory } from "@/lib/services/fsrs-optimise";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Settings · Cardinal" };

function timeZones(current: string): string[] {
  const zones = new Set(Intl.supportedValuesOf("timeZone"));
  zones.add("UTC"); // not in V8's canonical list, but a common choice
  zones.add(current);
  return [...zones].sort();
}

export default function SettingsPage() {
  const settings = getSettings();
  const job = latestOptimisation();
  const history = parameterHistory();
  const presets = deckPresets();
  // What the forecast and the reschedule preview depend on: they reload when it changes.
  const reloadKey = JSON.stringify([
    settings.desiredRetention,
    settings.weights,
    settings.learningSteps,
    settings.relearningSteps,
    settings.maximumInterval,
    settings.timezone,
    settings.dayStartHour,
  ]);
  const initial: SettingsFormState = { status: "idle", message: "", errors: {}, values: toFormValues(settings) };
  return (
    <section aria-labelledby="settings-heading" className="max-w-2xl">
      <h1 id="settings-heading" className="text-2xl font-semibold">
        Settings
      </h1>
      <p className="mt-2 mb-8 text-sm text-stone-600 dark:text-stone-400">
        How Cardinal schedules your reviews (FSRS). A change applies from your next answer; cards already scheduled keep their due dates until you answer them
        again, unless you reschedule them below.
      </p>
      {/* Keyed by the weights: applying or restoring parameters below remounts the form with them. */}
      <SettingsForm key={JSON.stringify(settings.weights)} initial={initial} timeZones={timeZones(settings.timezone)} />
      <OptimisePanel
        initialJob={job ? jobDto(job) : null}
        initialSets={history.sets.map(parameterSetDto)}
        current={settings.weights}
        decks={presets.map((d) => ({ key: d.key, title: d.title, weights: d.weights }))}
      />
      <section aria-labelledby="workload-heading" className="mt-10 rounded-lg border border-stone-200 p-4 dark:border-stone-800">
        <h2 id="workload-heading" className="text-lg font-semibold">
          Help me decide: workload and retention
        </h2>
        <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
          What each desired retention would cost you a day over the next year, and what you would know at its end.
        </p>
        <WorkloadChart reloadKey={`${reloadKey}|${JSON.stringify(presets)}`} decks={presets.map((d) => ({ key: d.key, title: d.title }))} />
      </section>
      <DeckPresets decks={presets} globalRetention={settings.desiredRetention} />
      <ReschedulePanel reloadKey={`${reloadKey}|${JSON.stringify(presets)}`} />
    </section>
  );
}
