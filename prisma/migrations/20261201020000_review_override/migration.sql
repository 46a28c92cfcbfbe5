-- The learner counted a Close typed answer right ("I was right", issue 11).
ALTER TABLE "ReviewLog" ADD COLUMN "override" BOOLEAN NOT NULL DEFAULT false;
