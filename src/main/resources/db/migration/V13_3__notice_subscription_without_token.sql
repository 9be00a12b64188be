-- The opt-out tokens now live, hashed, in notice_token (V13_1, V13_2); the clear ones go, with their unique index.
ALTER TABLE notice_subscription DROP COLUMN token;
