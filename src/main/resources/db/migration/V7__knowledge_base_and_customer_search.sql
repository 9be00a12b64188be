-- Finding the caller fast, and the knowledge base the contact centre answers from.

-- Caller search. A phone number is found by all its digits, by its first digits or by its last digits
-- (the local number without the area code): the digits reversed make a suffix search an index range scan too.
ALTER TABLE customer ADD COLUMN phone_digits_reversed VARCHAR(20);
-- Which version of the search terms a customer was indexed with (0 = not yet; OneStop indexes such rows at startup).
ALTER TABLE customer ADD COLUMN search_version INT NOT NULL DEFAULT 0;
CREATE INDEX ix_customer_phone_reversed ON customer (phone_digits_reversed);
CREATE INDEX ix_customer_search_version ON customer (search_version);

-- One row per lower-case word of a customer's name, address and e-mail user name: "jane res" and "14 bay" are
-- prefix searches on this index, whatever the order of the words.
CREATE TABLE customer_search_term (
  customer_id BIGINT      NOT NULL,
  term        VARCHAR(40) NOT NULL,
  CONSTRAINT pk_customer_search_term PRIMARY KEY (customer_id, term),
  CONSTRAINT fk_customer_search_term_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
);
CREATE INDEX ix_customer_search_term ON customer_search_term (term, customer_id);

-- A customer's cases, newest first, without sorting all of them.
CREATE INDEX ix_service_request_customer ON service_request (customer_id, created_at);

-- The knowledge base: one article per service (the A to Z), response guidelines for agents, and FAQs.
-- resolution: "answer" = the agent resolves the contact by answering; "case" = open a case for service_code.
CREATE TABLE kb_article (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  topic        VARCHAR(20)  NOT NULL,
  title        VARCHAR(200) NOT NULL,
  service_code VARCHAR(64),
  summary      VARCHAR(500) NOT NULL,
  body         TEXT         NOT NULL,
  keywords     VARCHAR(500),
  resolution   VARCHAR(16)  NOT NULL,
  created_at   DATETIME(3)  NOT NULL,
  updated_at   DATETIME(3)  NOT NULL,
  updated_by   VARCHAR(64)  NOT NULL,
  version      BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX ix_kb_article_topic ON kb_article (topic, title);
CREATE INDEX ix_kb_article_service ON kb_article (service_code);

-- Starting content of the knowledge base: the A to Z of the city's 18 services, guidelines for agents and FAQs
-- for the City of Lakeport. Editors maintain it in the console from here on.
INSERT INTO kb_article (topic, title, service_code, summary, body, keywords, resolution, created_at, updated_at, updated_by, version) VALUES (
  'SERVICE', 'Pothole or road defect', 'pothole',
  'Potholes and other damage on city roads, bike lanes and crosswalks: open a pothole case with the exact location.',
  'Open a case for any pothole, sunken pavement, crumbling asphalt or rut on a city road, bike lane or crosswalk. Ask for the nearest address or intersection, which lane (driving lane, curb lane, shoulder or bike lane) and roughly how big it is.

Ask whether it is a hazard right now: deep enough to damage a tire, or making cars swerve. A hazard is routed as urgent and Roads aims to make it safe the same day. Other potholes are repaired within the published standard, usually within 5 business days.

Provincial highways (the 403 and the QEW) are not city roads: give the caller the Ministry of Transportation''s number instead and record the contact as referred elsewhere.

Vehicle damage claims are not handled by 311. Tell the caller to write to the City Clerk''s office (claims@lakeport.example) within 10 days, and still open the pothole case so that the road gets fixed.',
  'pothole, hole in the road, road damage, sunken pavement, rut, bike lane, crosswalk, car damage', 'CASE', '2026-11-02 13:30:00', '2026-11-02 13:30:00', 'onestop', 0);
INSERT INTO kb_article (topic, title, service_code, summary, body, keywords, resolution, created_at, updated_at, updated_by, version) VALUES (
  'SERVICE', 'Missed garbage, recycling, green bin or bulky item collection', 'missed-collection',
  'A bin or bag that was not picked up on collection day: check the day and set-out time, then open a missed collection case.',
  'First confirm the caller''s collection day (see the FAQ "When is my garbage day?") and whether the week has a holiday, which moves collection one day later. If the truck may still be on its route (before 16:30 on collection day), ask the caller to leave the material out until the end of the day.

Material must be at the curb by 7:00 on collection day. If the caller set it out late, explain the rule and do not open a case. If it was out on time and was missed, open a case with the stream (garbage, recycling, green bin, yard waste or bulky item) and the collection date.

Waste returns for missed collections within one business day of the report. If the crew left a sticker on the bin (for example "wrong material" or "over the bag limit"), tell the caller what the sticker means instead of opening a case.',
  'garbage not picked up, bin not picked up, missed pickup, recycling missed, green bin missed, blue box, collection day, truck did not come', 'CASE', '2026-11-02 13:30:00', '2026-11-02 13:30:00', 'onestop', 0);
INSERT INTO kb_article (topic, title, service_code, summary, body, keywords, resolution, created_at, updated_at, updated_by, version) VALUES (
  'SERVICE', 'Noise complaint', 'noise-complaint',
  'Noise that breaks the noise bylaw (loud music, construction outside permitted hours, barking dogs): open a noise complaint case.',
  'Lakeport''s quiet hours are 23:00 to 7:00 (9:00 on Sundays and holidays). Construction noise is allowed from 7:00 to 19:00 on weekdays and 9:00 to 17:00 on Saturdays, never on Sundays or holidays.

Open a case with the address the noise comes from, the kind of noise, whether it is happening now and whether it keeps coming back. Bylaw officers work until 23:00. A party happening right now late at night is a police matter: give the Lakeport police non-emergency line, 905-555-0200.

Do not give the caller the name of the neighbour or any details of other complaints about the same address.',
  'noise, loud music, party, neighbour, barking dog, construction noise, night, bylaw, quiet hours', 'CASE', '2026-11-02 13:30:00', '2026-11-02 13:30:00', 'onestop', 0);
INSERT INTO kb_article (topic, title, service_code, summary, body, keywords, resolution, created_at, updated_at, updated_by, version) VALUES (
  'SERVICE', 'Streetlight out or damaged', 'streetlight-out',
  'A streetlight that is out, flickers, stays on in daytime, or a damaged pole: open a streetlight case with the pole number if possible.',
  'Each pole has a number on a small tag about 2 metres up (for example SL-10422). Ask for it, or for the nearest address or intersection. Ask whether one light or several in a row are out: several usually means a circuit fault and is handled first.

A pole that is knocked down, leaning dangerously or has exposed wires is an emergency: tell the caller to stay away from it, and open the case as urgent. Lights on private property and in plazas are the owner''s responsibility.',
  'streetlight, street light, light out, dark street, flickering, lamp, pole, light on during the day', 'CASE', '2026-11-02 13:30:00', '2026-11-02 13:30:00', 'onestop', 0);
INSERT INTO kb_article (topic, title, service_code, summary, body, keywords, resolution, created_at, updated_at, updated_by, version) VALUES (
  'SERVICE', 'Traffic signal problem', 'traffic-signal',
  'Dark, flashing, stuck or damaged traffic signals and pedestrian push buttons: open a traffic signal case.',
  'A dark signal or one showing conflicting colours at an intersection is an emergency: open the case as urgent, and remind the caller that a dark signal is treated as an all-way stop. Transportation sends a crew around the clock.

For a signal that stays red too long, a push button that does not work, or a walk signal that is too short, open a case with the intersection and the direction of travel. Timing changes are reviewed by traffic engineers and can take several weeks.',
  'traffic light, traffic signal, stoplight, signal dark, flashing red, stuck on red, pedestrian button, walk signal', 'CASE', '2026-11-02 13:30:00', '2026-11-02 13:30:00', 'onestop', 0);
INSERT INTO kb_article (topic, title, service_code, summary, body, keywords, resolution, created_at, updated_at, updated_by, version) VALUES (
  'SERVICE', 'Sidewalk damage', 'sidewalk-damage',
  'Raised, cracked or broken sidewalks, holes in the sidewalk and damaged curbs: open a sidewalk damage case.',
  'Ask for the address in front of the damage and how high the lip is. A lip of 2 cm or more is a trip hazard and Roads marks it with paint within 2 business days, then grinds or replaces the slab. Smaller cracks are added to the annual sidewalk program.

If someone fell and was hurt, open the case and tell the caller to send a claim to the City Clerk''s office (claims@lakeport.example) within 10 days.',
  'sidewalk, trip hazard, uneven sidewalk, raised slab, cracked sidewalk, curb, walkway', 'CASE', '2026-11-02 13:30:00', '2026-11-02 13:30:00', 'onestop', 0);
INSERT INTO kb_article (topic, title, service_code, summary, body, keywords, resolution, created_at, updated_at, updated_by, version) VALUES (
  'SERVICE', 'Snow and ice clearing', 'snow-ice',
  'Roads or sidewalks not cleared after a storm, icy bus stops, snowbanks blocking the view at corners: explain the priorities, then open a case if the standard has passed.',
  'After a snowfall the city clears main roads and bus routes first (within 8 hours after the snow stops), then residential streets (within 24 hours), then sidewalks (within 36 hours). During a storm, ask the caller to wait until these times have passed before a case is opened for a street that was not plowed.

Open a case right away for an icy bus stop, a snowbank at a corner that blocks drivers'' view, or ice that makes a sidewalk dangerous. The windrow left across a driveway by the plow is the owner''s to clear, except for residents registered in the seniors'' windrow program.

Residents must clear the sidewalk in front of their home within 24 hours after a snowfall. A complaint about a neighbour who did not is a bylaw matter: open a snow and ice case with the address.',
  'snow, ice, icy sidewalk, plow, plough, not plowed, windrow, snowbank, bus stop, salt, slippery', 'CASE', '2026-11-02 13:30:00', '2026-11-02 13:30:00', 'onestop', 0);
INSERT INTO kb_article (topic, title, service_code, summary, body, keywords, resolution, created_at, updated_at, updated_by, version) VALUES (
  'SERVICE', 'Graffiti', 'graffiti',
  'Graffiti on city property or private property: open a graffiti case, and mark hateful or offensive graffiti as such.',
  'Ask where the graffiti is, what it is on (city building, bridge, park, sign, bench, utility box or private building) and whether it is hateful, racist or obscene. Hateful or obscene graffiti on city property is removed within 1 business day, other graffiti within 10 business days.

On private property the owner must remove it within 14 days of a bylaw notice. Utility boxes belong to the utility company, and the city passes those reports on.',
  'graffiti, tagging, spray paint, vandalism, paint on wall, hateful graffiti, racist graffiti, offensive', 'CASE', '2026-11-02 13:30:00', '2026-11-02 13:30:00', 'onestop', 0);
INSERT INTO kb_article (topic, title, service_code, summary, body, keywords, resolution, created_at, updated_at, updated_by, version) VALUES (
  'SERVICE', 'Illegal dumping', 'illegal-dumping',
  'Garbage, furniture, tires or construction waste dumped on a road, in a park or on private property: open an illegal dumping case.',
  'Ask for the location, what was dumped and roughly how much. Needles or syringes are picked up within 4 hours during office hours: tell the caller not to touch them. Chemicals, drums or anything leaking is an emergency: the caller should keep away and call 911 if anyone feels unwell.

If the caller saw who dumped it, record the description and any licence plate in the case description. Do not promise that charges will be laid.',
  'dumping, dumped, illegal dumping, mattress, furniture, tires, couch, garbage on the road, needles, syringes', 'CASE', '2026-11-02 13:30:00', '2026-11-02 13:30:00', 'onestop', 0);
INSERT INTO kb_article (topic, title, service_code, summary, body, keywords, resolution, created_at, updated_at, updated_by, version) VALUES (
  'SERVICE', 'Parking complaint', 'parking',
  'A vehicle blocking a driveway, in a fire route or an accessible space without a permit, or parked too long: open a parking complaint case.',
  'Parking enforcement works from 7:00 to 23:00, seven days a week. Ask for the address, the kind of problem, and the vehicle''s make, colour and plate. A vehicle blocking a driveway is handled first.

On-street parking is limited to 3 hours unless signs say otherwise, and overnight parking (2:00 to 6:00) is not allowed from 1 December to 31 March. Questions about paying or disputing a parking ticket go to the Parking Office, 905-555-0240, not to a case.',
  'parking, parked car, blocked driveway, fire route, accessible parking, abandoned vehicle, tow, parking ticket', 'CASE', '2026-11-02 13:30:00', '2026-11-02 13:30:00', 'onestop', 0);
INSERT INTO kb_article (topic, title, service_code, summary, body, keywords, resolution, created_at, updated_at, updated_by, version) VALUES (
  'SERVICE', 'Dead or injured animal', 'animal',
  'Dead animals on roads or public land, injured, sick or aggressive animals: open an animal case. A dog attack in progress is a 911 call.',
  'Animal services picks up dead animals from roads and public property within 1 business day. Ask for the location and the kind of animal. Dead animals on private property can be left in a sealed bag at the curb for pickup.

For an injured or sick animal, or an aggressive dog, open the case as urgent: Animal services responds around the clock. Tell the caller not to approach or handle the animal. A person bitten by an animal should see a doctor and call public health at 905-555-0330.',
  'dead animal, roadkill, injured animal, sick raccoon, deer, dog, cat, bird, wildlife, aggressive dog, animal control', 'CASE', '2026-11-02 13:30:00', '2026-11-02 13:30:00', 'onestop', 0);
INSERT INTO kb_article (topic, title, service_code, summary, body, keywords, resolution, created_at, updated_at, updated_by, version) VALUES (
  'SERVICE', 'Property standards complaint', 'property-standards',
  'Properties not kept up (long grass, junk in a yard, unsafe or open buildings) and landlords who do not make repairs: open a property standards case.',
  'Grass and weeds over 20 cm, garbage or junk in a yard, and open or unsafe vacant buildings are bylaw matters. Ask for the address and what the caller sees. An open vacant building is handled first.

For tenants: ask whether they told the landlord in writing first. No heat between 15 September and 1 June (the bylaw requires at least 20 degrees) is urgent. The inspector needs the tenant''s permission to enter, so record the best phone number to reach them.',
  'property standards, long grass, weeds, junk in yard, unsafe building, landlord, repairs, no heat, mould, pests, vacant building', 'CASE', '2026-11-02 13:30:00', '2026-11-02 13:30:00', 'onestop', 0);
INSERT INTO kb_article (topic, title, service_code, summary, body, keywords, resolution, created_at, updated_at, updated_by, version) VALUES (
  'SERVICE', 'Tree or forestry request', 'tree',
  'Fallen trees, hanging or broken branches, dead city trees and pruning requests: open a tree case.',
  'City trees are the ones on the boulevard (between the sidewalk and the road) and in parks. A tree or large branch blocking a road or sidewalk, or resting on wires, is an emergency and goes to Forestry''s on-call crew. Tell the caller to stay away from wires and to call the hydro utility if wires are down.

Pruning requests are inspected within 30 business days and scheduled by priority. Trees on private property are the owner''s responsibility, even if they hang over the sidewalk.',
  'tree, branch, limb, fallen tree, branch fell, tree fell down, hanging branch, dead tree, prune, trim, stump, storm damage, boulevard tree', 'CASE', '2026-11-02 13:30:00', '2026-11-02 13:30:00', 'onestop', 0);
INSERT INTO kb_article (topic, title, service_code, summary, body, keywords, resolution, created_at, updated_at, updated_by, version) VALUES (
  'SERVICE', 'Water or sewer problem', 'water-sewer',
  'No water, watermain breaks, sewer backups, flooding, low pressure or discoloured water: open a water or sewer case. Breaks and backups are urgent at any hour.',
  'A watermain break (water coming up through the road or sidewalk), no water at all, or a sewer backing up into a basement is urgent: open the case as urgent, and Water sends its on-call crew at any hour.

Discoloured water usually clears if the cold tap is run for 5 minutes. If it does not, open a case. Low pressure in one home only is usually the home''s plumbing: ask whether neighbours have the same problem before opening a case.

For basement flooding, tell the caller to turn off power to the basement only if it is safe, and to call their insurer. The city checks the sewer on the street side of the property line.',
  'no water, water main break, leak, sewer backup, basement flooding, low water pressure, brown water, discoloured water, hydrant', 'CASE', '2026-11-02 13:30:00', '2026-11-02 13:30:00', 'onestop', 0);
INSERT INTO kb_article (topic, title, service_code, summary, body, keywords, resolution, created_at, updated_at, updated_by, version) VALUES (
  'SERVICE', 'Complaint about a city service', 'complaint',
  'A complaint about a city service or how staff treated the caller: open a complaint case. The department answers first, then the City Manager''s office if the caller is not satisfied.',
  'Listen, do not argue, and write the complaint in the caller''s own words. Ask what outcome they are looking for. If the complaint is really a new service request (for example "nobody fixed my streetlight"), look up the existing case first and give its status.

The department responds within 10 business days. If the caller is not satisfied with that response, the complaint goes to the City Manager''s office for review.',
  'complaint, complain, unhappy, poor service, rude staff, dissatisfied, appeal, review', 'CASE', '2026-11-02 13:30:00', '2026-11-02 13:30:00', 'onestop', 0);
INSERT INTO kb_article (topic, title, service_code, summary, body, keywords, resolution, created_at, updated_at, updated_by, version) VALUES (
  'SERVICE', 'Compliment', 'compliment',
  'A caller who wants to thank city staff: open a compliment case so it reaches the employee and their manager.',
  'Record who the compliment is for (name, crew or department), when and where, and what they did. Ask whether the caller is happy for their name to be shared with the employee.',
  'compliment, thank you, thanks, great service, kudos, praise, appreciation', 'CASE', '2026-11-02 13:30:00', '2026-11-02 13:30:00', 'onestop', 0);
INSERT INTO kb_article (topic, title, service_code, summary, body, keywords, resolution, created_at, updated_at, updated_by, version) VALUES (
  'SERVICE', 'Councillor inquiry', 'councillor-inquiry',
  'For councillors'' offices passing on a resident''s concern: open a councillor inquiry so the ward councillor is copied on every step.',
  'Only councillors'' offices open councillor inquiries. A resident who asks to speak to their councillor should be given the councillor''s office number (see the FAQ on wards and councillors). If the resident has a service request, open that case as usual.

Record the councillor, the topic and the resident''s consent to share their details with the department.',
  'councillor, council, ward, councillor''s office, constituent', 'CASE', '2026-11-02 13:30:00', '2026-11-02 13:30:00', 'onestop', 0);
INSERT INTO kb_article (topic, title, service_code, summary, body, keywords, resolution, created_at, updated_at, updated_by, version) VALUES (
  'SERVICE', 'General information request', 'general-inquiry',
  'Questions that no article answers: answer from the knowledge base when you can, otherwise open a general inquiry so Customer service finds the answer and calls back.',
  'Search the knowledge base with the caller''s words first. Most questions are answered on the spot: record the contact as answered with the article.

Open a general inquiry only when the answer needs research or another department. Customer service calls or writes back within 3 business days.',
  'question, information, how do I, who do I contact, general inquiry, help', 'CASE', '2026-11-02 13:30:00', '2026-11-02 13:30:00', 'onestop', 0);
INSERT INTO kb_article (topic, title, service_code, summary, body, keywords, resolution, created_at, updated_at, updated_by, version) VALUES (
  'GUIDELINE', 'Handling a contact from start to finish', NULL,
  'Greet, find the caller, resolve or open a case, confirm the reference, and record the contact.',
  'Greet: "City of Lakeport, 311, this is (your first name). How can I help?" Start the contact in the console with the right channel before you search, so that the handle time is right.

Find the caller by phone number first (any format works), then by name or address. Confirm the address and the best way to reach them. Correct their details if anything changed.

Search the knowledge base with the caller''s words. If the article says "resolve by answering", answer and press "Answered the caller with this article". If it says "open a case", open the case and read the reference number back to the caller, with the expected date.

Before ending: "Is there anything else I can help you with today?" Every contact is recorded, even dropped calls and wrong numbers (wrap up with outcome Other).',
  'call flow, greeting, verify caller, wrap up, closing, script', 'ANSWER', '2026-11-02 13:30:00', '2026-11-02 13:30:00', 'onestop', 0);
INSERT INTO kb_article (topic, title, service_code, summary, body, keywords, resolution, created_at, updated_at, updated_by, version) VALUES (
  'GUIDELINE', 'Emergencies: when to send the caller to 911', NULL,
  'Anyone in immediate danger, a fire, a crime in progress or a medical emergency: tell the caller to hang up and call 911.',
  '311 is not an emergency line. If a life is in danger, a fire, a crime happening now or a medical emergency, say: "Please hang up and call 911 now."

A smell of natural gas: the caller should leave the building and call the gas utility''s emergency line, 1-800-555-0427, from outside. Downed power lines: stay 10 metres away and call the hydro utility, 905-555-0190.

City emergencies that are not 911 (watermain breaks, sewer backups, dark traffic signals, trees on roads) are urgent cases: open them as usual, and they reach the on-call crew at any hour.',
  'emergency, 911, fire, police, ambulance, danger, gas leak, immediate danger', 'ANSWER', '2026-11-02 13:30:00', '2026-11-02 13:30:00', 'onestop', 0);
INSERT INTO kb_article (topic, title, service_code, summary, body, keywords, resolution, created_at, updated_at, updated_by, version) VALUES (
  'GUIDELINE', 'After hours and urgent requests', NULL,
  'Outside office hours (8:30 to 16:30, Monday to Friday) urgent cases still reach the on-call crew, and other cases wait for the next business day.',
  'OneStop decides automatically: urgent and emergency cases opened after hours go to the department''s on-call person. Other cases are received and start their clock the next business day.

Tell the caller honestly when to expect action: "The crew on call has your request now" for urgent cases, or "Our office opens at 8:30 tomorrow and your request is first in the queue" for others.',
  'after hours, evening, weekend, holiday, on call, urgent, office closed', 'ANSWER', '2026-11-02 13:30:00', '2026-11-02 13:30:00', 'onestop', 0);
INSERT INTO kb_article (topic, title, service_code, summary, body, keywords, resolution, created_at, updated_at, updated_by, version) VALUES (
  'GUIDELINE', 'Giving the status of a case', NULL,
  'Look the case up by reference (or from the caller''s page), give its status and expected date, and record the contact as status given.',
  'Find the case by its reference (SR-2026-...) or on the caller''s page. Give the status in plain words: received, acknowledged by the department, work in progress, waiting for you, resolved or closed, and the "resolve by" date.

If the case is waiting for the caller, tell them what the department needs. If it is past its resolve-by date, say so and that it has been escalated to a supervisor. Record the contact with outcome "Status of a case given" and the case reference.

If the caller says a resolved case is not fixed, reopen it (within 30 days of its resolution) instead of opening a new one.',
  'status, update, where is my request, case number, reference, follow up, expected date', 'ANSWER', '2026-11-02 13:30:00', '2026-11-02 13:30:00', 'onestop', 0);
INSERT INTO kb_article (topic, title, service_code, summary, body, keywords, resolution, created_at, updated_at, updated_by, version) VALUES (
  'GUIDELINE', 'Privacy: what you may tell a caller', NULL,
  'Share a case''s details only with the person who reported it. Never say who complained about an address.',
  'Personal information in OneStop is protected by provincial privacy law. Give case details only to the customer on the case (confirm their phone number or address first) or to a councillor''s office working on a councillor inquiry.

Never tell a caller who complained about their property, their noise or their parking. Say: "I''m not able to share who made a report."

Requests for records go to the City Clerk''s freedom of information office, foi@lakeport.example.',
  'privacy, personal information, confidential, who complained, neighbour, freedom of information, MFIPPA', 'ANSWER', '2026-11-02 13:30:00', '2026-11-02 13:30:00', 'onestop', 0);
INSERT INTO kb_article (topic, title, service_code, summary, body, keywords, resolution, created_at, updated_at, updated_by, version) VALUES (
  'GUIDELINE', 'Callers who are upset or abusive', NULL,
  'Stay calm, acknowledge the problem, focus on what you can do. Warn once about abusive language, then end the call and record it.',
  'Let the caller explain without interrupting, then acknowledge: "I understand this has been frustrating." Say what you can do and by when.

If the caller swears at you or insults you, warn once: "I want to help, but I will have to end the call if the language continues." If it continues, end the call, wrap up with outcome Other and a short note, and tell your supervisor.

Any threat against staff or others: end the call, write down exactly what was said and tell your supervisor right away.',
  'angry caller, abusive, upset, yelling, threat, supervisor, escalate call', 'ANSWER', '2026-11-02 13:30:00', '2026-11-02 13:30:00', 'onestop', 0);
INSERT INTO kb_article (topic, title, service_code, summary, body, keywords, resolution, created_at, updated_at, updated_by, version) VALUES (
  'GUIDELINE', 'Not the city''s responsibility: referring the caller', NULL,
  'Some requests belong to another authority: give the right contact and record the contact as referred elsewhere (resolved on first contact).',
  'Hydro and power outages: Lakeport Hydro, 905-555-0190. Natural gas: the gas utility, 1-800-555-0427. Provincial highways 403 and QEW: Ministry of Transportation, 1-800-555-0600. Mailboxes and mail delivery: Canada Post. Schools: the school board. Rail crossings: the railway''s emergency number posted at the crossing.

Record the contact with outcome "Referred to another authority". If part of the problem is the city''s (for example a city sidewalk damaged by a utility), open a case for that part.',
  'not city, referral, hydro, gas, highway, Canada Post, mailbox, province, federal, school board', 'ANSWER', '2026-11-02 13:30:00', '2026-11-02 13:30:00', 'onestop', 0);
INSERT INTO kb_article (topic, title, service_code, summary, body, keywords, resolution, created_at, updated_at, updated_by, version) VALUES (
  'FAQ', 'When is my garbage day? Collection days in Lakeport', 'missed-collection',
  'Collection day depends on the ward: Monday Harbourfront, Tuesday Old Town, Wednesday Escarpment, Thursday Meadowvale. Green bin and recycling every week, garbage every other week.',
  'Ward 1 Harbourfront is collected on Monday, Ward 2 Old Town on Tuesday, Ward 3 Escarpment on Wednesday and Ward 4 Meadowvale on Thursday. Look the caller''s address up on their page if you are not sure of the ward.

Green bin (organics) and blue box (recycling) are collected every week. Garbage (up to 2 bags or 1 cart) is collected every other week: "A" weeks in odd-numbered weeks of the year, "B" weeks in even-numbered weeks. The collection calendar is mailed every December and posted at lakeport.example/waste.

Everything must be at the curb by 7:00 on collection day, and not before 19:00 the evening before.',
  'garbage day, collection day, pickup day, when is garbage, recycling day, green bin day, schedule, calendar, what day', 'ANSWER', '2026-11-02 13:30:00', '2026-11-02 13:30:00', 'onestop', 0);
INSERT INTO kb_article (topic, title, service_code, summary, body, keywords, resolution, created_at, updated_at, updated_by, version) VALUES (
  'FAQ', 'Holiday collection schedule', 'missed-collection',
  'In a week with a statutory holiday on a weekday, collection on and after the holiday moves one day later, so Thursday collection happens on Friday.',
  'When a statutory holiday falls on a weekday, every collection day from the holiday to the end of the week moves one day later. There is no change when the holiday falls on a weekend.

During the Christmas and New Year weeks the holiday schedule is printed on the collection calendar. Yard waste is not collected in those two weeks.',
  'holiday, statutory holiday, Christmas, New Year, long weekend, collection moved, pickup delayed', 'ANSWER', '2026-11-02 13:30:00', '2026-11-02 13:30:00', 'onestop', 0);
INSERT INTO kb_article (topic, title, service_code, summary, body, keywords, resolution, created_at, updated_at, updated_by, version) VALUES (
  'FAQ', 'What goes in the green bin, blue box and garbage', 'missed-collection',
  'Food scraps and soiled paper go in the green bin, clean containers and paper in the blue box, everything else in the garbage.',
  'Green bin: all food scraps including meat and bones, coffee grounds and filters, paper towels and napkins, soiled pizza boxes. Compostable or paper bags are fine, plastic bags are not.

Blue box: rinsed plastic bottles and containers, cans, glass bottles and jars, cartons, paper, flattened cardboard. No plastic bags or film, no foam, no black plastic.

Garbage: diapers, pet waste in a bag, foam, plastic bags and film, broken dishes wrapped. Batteries, paint and electronics are hazardous or special waste: the Community Recycling Centre at 500 Industrial Dr takes them free of charge, Tuesday to Saturday, 8:00 to 16:00.',
  'green bin, blue box, recycling, what goes where, sort, compost, organics, plastic bags, pizza box, diapers', 'ANSWER', '2026-11-02 13:30:00', '2026-11-02 13:30:00', 'onestop', 0);
INSERT INTO kb_article (topic, title, service_code, summary, body, keywords, resolution, created_at, updated_at, updated_by, version) VALUES (
  'FAQ', 'Bulky items and large furniture pickup', 'missed-collection',
  'Residents may set out up to 4 bulky items per collection day on their garbage week. Appliances with refrigerant need a booked pickup.',
  'Furniture, mattresses (wrapped in plastic) and carpets (rolled, under 1.2 m) can go out on the caller''s garbage day, up to 4 items. No booking needed.

Fridges, freezers, air conditioners and dehumidifiers need the refrigerant removed: book a pickup through 311 (open a missed collection case only if a booked pickup did not happen) or take them to the Community Recycling Centre.',
  'bulky item, furniture, couch, sofa, mattress, appliance, fridge, large item pickup, book a pickup', 'ANSWER', '2026-11-02 13:30:00', '2026-11-02 13:30:00', 'onestop', 0);
INSERT INTO kb_article (topic, title, service_code, summary, body, keywords, resolution, created_at, updated_at, updated_by, version) VALUES (
  'FAQ', 'Replacing a lost, stolen or broken bin', 'missed-collection',
  'A broken green bin is replaced free of charge. Blue boxes are free at the Community Recycling Centre and at City Hall. A lost or stolen green bin costs 20 dollars to replace.',
  'A green bin cracked or broken by the collection truck is replaced free: record the contact, and Waste delivers a new one within 10 business days of a request through the general inquiry service.

Extra or replacement blue boxes can be picked up free at City Hall (100 Main St W) or the Community Recycling Centre (500 Industrial Dr). A lost or stolen green bin costs 20 dollars at the same places.',
  'new bin, replace bin, broken bin, stolen bin, lost bin, cracked green bin, blue box replacement, bin exchange', 'ANSWER', '2026-11-02 13:30:00', '2026-11-02 13:30:00', 'onestop', 0);
INSERT INTO kb_article (topic, title, service_code, summary, body, keywords, resolution, created_at, updated_at, updated_by, version) VALUES (
  'FAQ', '311 and City Hall: hours and how to reach us', NULL,
  '311 and City Hall are open 8:30 to 16:30, Monday to Friday, closed on statutory holidays. From outside Lakeport call 905-555-0311.',
  'City Hall is at 100 Main St W, Lakeport. The counter and 311 are open 8:30 to 16:30, Monday to Friday, and closed on statutory holidays and the Civic Holiday in August.

From a phone outside Lakeport, or a phone that cannot dial 311, call 905-555-0311. E-mail: 311@lakeport.example. Residents can report most problems at any time on the city''s website or app.

After hours, urgent city problems (watermain breaks, sewer backups, trees blocking a road, dark traffic signals) can still be reported through 311, which forwards them to the on-call crews.',
  'hours, open, opening hours, what time, closing time, closed, office hours, phone number, address, City Hall, when are you open, 311 hours, contact', 'ANSWER', '2026-11-02 13:30:00', '2026-11-02 13:30:00', 'onestop', 0);
INSERT INTO kb_article (topic, title, service_code, summary, body, keywords, resolution, created_at, updated_at, updated_by, version) VALUES (
  'FAQ', 'Property tax due dates and payment', NULL,
  'Property taxes are paid in four installments: the last business day of February, April, June and September.',
  'The interim bill (February and April installments) is mailed in January and the final bill (June and September) in May. Residents can pay online through their bank, by pre-authorized monthly withdrawal, or at City Hall.

A late payment is charged 1.25 percent per month. Questions about an assessment go to the provincial assessment corporation, not to the city. For anything else on a tax account, transfer the caller to the Tax Office, 905-555-0250.',
  'property tax, tax bill, due date, pay taxes, installment, pre-authorized payment, tax certificate', 'ANSWER', '2026-11-02 13:30:00', '2026-11-02 13:30:00', 'onestop', 0);
INSERT INTO kb_article (topic, title, service_code, summary, body, keywords, resolution, created_at, updated_at, updated_by, version) VALUES (
  'FAQ', 'Winter parking and snow clearing priorities', 'snow-ice',
  'No overnight street parking (2:00 to 6:00) from 1 December to 31 March. Main roads are plowed first, residential streets within 24 hours after the snow stops.',
  'During a declared snow event, vehicles on signed snow routes are towed at the owner''s expense. The city announces snow events on its website and local radio.

Plowing order: main roads and bus routes within 8 hours of the end of a snowfall, residential streets within 24 hours, sidewalks within 36 hours. Open a snow and ice case only after these times have passed.',
  'winter parking, overnight parking, snow route, when will my street be plowed, windrow, snow event, parking ban', 'ANSWER', '2026-11-02 13:30:00', '2026-11-02 13:30:00', 'onestop', 0);
INSERT INTO kb_article (topic, title, service_code, summary, body, keywords, resolution, created_at, updated_at, updated_by, version) VALUES (
  'FAQ', 'Yard waste and leaf collection', 'missed-collection',
  'Yard waste is collected every other week from April to November, in paper bags or open containers, with branches tied in bundles.',
  'Yard waste goes out on the caller''s garbage week, from the first week of April to the last week of November. Use paper yard waste bags or a rigid open container. Branches up to 10 cm thick and 1.2 m long, tied in bundles.

Grass clippings are not collected: leave them on the lawn. Christmas trees (without decorations or bags) are collected in the first two weeks of January.',
  'yard waste, leaves, leaf collection, branches, brush, grass clippings, Christmas tree', 'ANSWER', '2026-11-02 13:30:00', '2026-11-02 13:30:00', 'onestop', 0);
INSERT INTO kb_article (topic, title, service_code, summary, body, keywords, resolution, created_at, updated_at, updated_by, version) VALUES (
  'FAQ', 'Dog licences and lost or found pets', 'animal',
  'Dogs and cats must be licensed every year. Lost and found pets are taken to the Lakeport Animal Shelter, 905-555-0340.',
  'A licence costs 30 dollars for a spayed or neutered pet and 60 dollars otherwise, and is renewed every January. It can be bought online or at City Hall.

Found pets are held at the Lakeport Animal Shelter, 25 Shelter Lane, for 5 days. A caller who has lost a pet should call the shelter directly. An aggressive dog running loose is an animal case (urgent).',
  'dog licence, cat licence, pet licence, lost dog, found dog, lost cat, shelter, animal shelter', 'ANSWER', '2026-11-02 13:30:00', '2026-11-02 13:30:00', 'onestop', 0);
INSERT INTO kb_article (topic, title, service_code, summary, body, keywords, resolution, created_at, updated_at, updated_by, version) VALUES (
  'FAQ', 'Wards and councillors', 'councillor-inquiry',
  'Lakeport has four wards. Give the caller their councillor''s office number, or open their service request as usual.',
  'Ward 1 Harbourfront: Councillor Maya Chen. Ward 2 Old Town: Councillor Daniel Okafor. Ward 3 Escarpment: Councillor Priya Natarajan. Ward 4 Meadowvale: Councillor Luc Tremblay. Each councillor''s office can be reached through City Hall''s switchboard, 905-555-0100, or by e-mail at wardN@council.lakeport.example (N is the ward number).

Council meets on the second and fourth Wednesday of each month at 19:00 in the council chamber at City Hall. Meetings are open to the public and streamed online.',
  'ward, councillor, my councillor, council, who is my councillor, council meeting', 'ANSWER', '2026-11-02 13:30:00', '2026-11-02 13:30:00', 'onestop', 0);
INSERT INTO kb_article (topic, title, service_code, summary, body, keywords, resolution, created_at, updated_at, updated_by, version) VALUES (
  'FAQ', 'How a resident can follow a request', NULL,
  'Every case has a reference number (SR-year-number). Residents get e-mail notices at each step and can check the status online.',
  'When a case is opened, read the reference number back to the caller (for example SR-2026-000123) and the date by which it should be resolved. Residents with an e-mail address get a notice when the case is acknowledged, when it is resolved, and when it is closed.

Residents can check the status online with the reference number, or call 311 at any time during office hours.',
  'track request, check status, reference number, notification, e-mail updates, status page', 'ANSWER', '2026-11-02 13:30:00', '2026-11-02 13:30:00', 'onestop', 0);
