// The quiz page's calls to the JSON API (app/api/v1/quiz). Types only come from lib/.
import type { PresentedQuestion, TopicFilter } from "@/lib/quiz/types";
import type { CreatedQuiz, QuizFeedback, QuizSummary } from "@/lib/services/quiz";

export type { PresentedQuestion, TopicFilter, CreatedQuiz, QuizFeedback, QuizSummary };

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: string };

async function call<T>(url: string, init?: RequestInit): Promise<ApiResult<T>> {
  try {
    const res = await fetch(url, { ...init, headers: { "content-type": "application/json", ...init?.headers } });
    const json = (await res.json().catch(() => null)) as (T & { error?: string }) | null;
    if (!res.ok || json === null) return { ok: false, error: json?.error ?? `request failed (${res.status})` };
    return { ok: true, data: json };
  } catch {
    return { ok: false, error: "Cannot reach the server. Is Cardinal still running?" };
  }
}

export type CreateQuizRequest = { deck: string; topic: TopicFilter; length?: number; seed?: number; questionIds?: string[] };

export const createQuiz = (body: CreateQuizRequest) => call<CreatedQuiz>("/api/v1/quiz", { method: "POST", body: JSON.stringify(body) });

export const answerQuestion = (quizId: string, body: { questionId: string; answer: unknown; durationMs: number }) =>
  call<QuizFeedback>(`/api/v1/quiz/${encodeURIComponent(quizId)}/answers`, { method: "POST", body: JSON.stringify(body) });

export const getSummary = (quizId: string) => call<QuizSummary>(`/api/v1/quiz/${encodeURIComponent(quizId)}`);
