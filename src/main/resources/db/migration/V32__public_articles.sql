-- The public A–Z and FAQ (issue 13): an article reaches the residents' pages only when an editor marks it public.
-- Guidelines for agents never do. An article may carry a French title, summary and body (all three or none).
ALTER TABLE kb_article ADD COLUMN is_public BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE kb_article ADD COLUMN title_fr VARCHAR(200);
ALTER TABLE kb_article ADD COLUMN summary_fr VARCHAR(500);
ALTER TABLE kb_article ADD COLUMN body_fr TEXT;
CREATE INDEX ix_kb_article_public ON kb_article (is_public, title);

-- Starting content for residents: the seeded FAQs that read well to a resident are made public, as long as no editor
-- has changed them since (version 0, by "onestop"); an edited article is the editors' to publish.
-- "When is my garbage day?" is rewritten for residents, with a line per ward ("ward | answer") that the public page
-- answers from by address, and a French version.
UPDATE kb_article SET is_public = TRUE, version = version + 1,
  summary = 'Collection day depends on your ward: Monday in Harbourfront, Tuesday in Old Town, Wednesday in Escarpment, Thursday in Meadowvale. Type your address on this page to see yours.',
  body = 'Your collection day depends on the ward you live in:

Ward 1 - Harbourfront | Monday
Ward 2 - Old Town | Tuesday
Ward 3 - Escarpment | Wednesday
Ward 4 - Meadowvale | Thursday

Green bin (organics) and blue box (recycling) are collected every week. Garbage (up to 2 bags or 1 cart) is collected every other week: "A" weeks in odd-numbered weeks of the year, "B" weeks in even-numbered weeks. The collection calendar is mailed every December and posted at lakeport.example/waste.

Everything must be at the curb by 7:00 on collection day, and not before 19:00 the evening before. In a week with a statutory holiday on a weekday, collection on and after the holiday moves one day later.',
  title_fr = 'Quel est mon jour de collecte? Les jours de collecte à Lakeport',
  summary_fr = 'Le jour de collecte dépend de votre quartier : lundi à Harbourfront, mardi à Old Town, mercredi à Escarpment, jeudi à Meadowvale.',
  body_fr = 'Votre jour de collecte dépend du quartier où vous habitez :

Ward 1 - Harbourfront | lundi
Ward 2 - Old Town | mardi
Ward 3 - Escarpment | mercredi
Ward 4 - Meadowvale | jeudi

Le bac vert (matières organiques) et la boîte bleue (recyclage) sont ramassés chaque semaine. Les ordures (jusqu''à 2 sacs ou 1 bac) sont ramassées une semaine sur deux : semaines « A » les semaines impaires de l''année, semaines « B » les semaines paires. Le calendrier de collecte est posté chaque décembre et publié sur lakeport.example/waste.

Tout doit être en bordure de rue avant 7 h le jour de la collecte, et pas avant 19 h la veille. Lors d''une semaine avec un jour férié en semaine, la collecte du jour férié et des jours suivants est reportée d''un jour.'
WHERE topic = 'FAQ' AND title = 'When is my garbage day? Collection days in Lakeport' AND version = 0 AND updated_by = 'onestop';
UPDATE kb_article SET is_public = TRUE, version = version + 1
WHERE topic = 'FAQ' AND version = 0 AND updated_by = 'onestop' AND title IN (
  'Holiday collection schedule',
  'What goes in the green bin, blue box and garbage',
  '311 and City Hall: hours and how to reach us',
  'Winter parking and snow clearing priorities');
