import { migrateOrExit } from "./lib/setup-steps";

migrateOrExit();
