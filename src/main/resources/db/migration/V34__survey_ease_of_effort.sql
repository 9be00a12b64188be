-- The follow-up survey's ease-of-effort question ("How easy was it to get this done?"): 1 (very hard) to 5 (very
-- easy); null when the resident left it out, or answered before the question existed.
ALTER TABLE survey ADD COLUMN effort INTEGER;
