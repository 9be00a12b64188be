-- The language a customer reads OneStop's notices in: 'en' or 'fr' (null: English). Set from the residents' report
-- form's language and, optionally, the console's customer form.
ALTER TABLE customer ADD COLUMN language VARCHAR(2);
