// The quiz page's calls to the JSON API (app/api/v1/quiz), through app/api-client.ts. Types only come from lib/.
import type { PresentedQuestion, TopicFilter } from "@/lib/quiz/types";
import type { CreatedQuiz, QuizFeedback, QuizProgress, QuizSummary, UnfinishedQuiz } from "@/lib/services/quiz";
import { callApi, type ApiResult } from "@/app/api-client";

export type { PresentedQuestion, TopicFilter, CreatedQuiz, QuizFeedback, QuizProgress, QuizSummary, UnfinishedQuiz };

export type { ApiResult };

export type CreateQuizRequest = { deck: string; topic: TopicFilter; length?: number; seed?: number; questionIds?: string[] };

export const createQuiz = (body: CreateQuizRequest) => callApi<CreatedQuiz>("/api/v1/quiz", body);

export const answerQuestion = (quizId: string, body: { questionId: string; answer: unknown; durationMs: number; override?: true; sessionId: string }) =>
  callApi<QuizFeedback>(`/api/v1/quiz/${encodeURIComponent(quizId)}/answers`, body);

export const getSummary = (quizId: string) => callApi<QuizSummary>(`/api/v1/quiz/${encodeURIComponent(quizId)}`);

export const getProgress = (quizId: string) => callApi<QuizProgress>(`/api/v1/quiz/${encodeURIComponent(quizId)}/progress`);

export const endQuiz = (quizId: string) => callApi<{ id: string; ended: boolean }>(`/api/v1/quiz/${encodeURIComponent(quizId)}/end`, {});

export const listUnfinished = () => callApi<{ unfinished: UnfinishedQuiz[] }>("/api/v1/quiz");
