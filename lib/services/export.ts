// Use case: the review history as CSV (lib/db/history-export.ts holds the layouts).
export { historyCsv, HISTORY_HEADERS, type HistoryFormat } from "../db/history-export";
