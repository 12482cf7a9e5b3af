-- A backlog for scripts/bench: :n calls already handled, spread evenly over the seven days before
-- now, so the open-loop phase runs against tables that already hold data and any cost that grows
-- with them shows (issue 12). Each call has its closed ticket in routing and feedback and its
-- delivered hand-off in every outbox it passed through. Written straight into the services'
-- schemas as the superuser: a benchmark fixture, never a way to load real data.
--   psql -v n=1000000 -f scripts/lib/backlog.sql
\set ON_ERROR_STOP on

CREATE TEMPORARY TABLE backlog AS
SELECT i,
       gen_random_uuid() AS call_id,
       now() - interval '7 days' * (1 - i::double precision / :n) - interval '3 hours' AS at,
       (ARRAY['510104','510105','510106','510107','510108','510112','510113','510114','510115','510116','510117',
              '510118','510121','510129','510131','510181','510182','510183','510184','510185'])[1 + i % 20] AS district,
       '积压' || (ARRAY['东','西','南','北','金','银','青','红','龙','凤'])[1 + i % 10]
              || (ARRAY['华','光','明','新','安','和','平','兴','顺','福'])[1 + (i / 10) % 10] || '路' || (i % 97) || '号' AS address
FROM generate_series(1, :n) AS i;

INSERT INTO intake.calls (id, channel, external_id, content_hash, received_at, district, address, description, category,
                          classified_at, caller_phone_index)
SELECT call_id, (ARRAY['CHANNEL_110', 'CHANNEL_12345'])[1 + i % 2], 'backlog-' || i, md5(i::text), at, district, address,
       '来电人反映：' || address || '路灯坏了，晚上很黑（积压第' || i || '件）', 'PUBLIC_FACILITIES', at,
       md5('phone-' || (i % 300000))
FROM backlog;

INSERT INTO routing.tickets (id, call_id, incident_id, kind, destination, category, district, department_id, priority, status,
                             created_at, channel, rules_version, finished)
SELECT call_id::text, call_id::text, call_id::text, 'WORK_ORDER', 'HOTLINE_12345', 'PUBLIC_FACILITIES', b.district, d.id, 2,
       'CLOSED', at, (ARRAY['CHANNEL_110', 'CHANNEL_12345'])[1 + i % 2], 'backlog', true
FROM backlog b
JOIN LATERAL (SELECT id FROM routing.departments WHERE district = b.district ORDER BY id LIMIT 1) d ON true;

INSERT INTO feedback.tickets (id, call_id, incident_id, origin, kind, destination, category, district, department_id,
                              department_name, priority, state, created_at, updated_at, assignment, sequence)
SELECT id, call_id, incident_id, channel, kind, destination, category, district, department_id, '积压', priority, 'CLOSED',
       created_at, created_at + interval '1 day', 1, 1
FROM routing.tickets WHERE rules_version = 'backlog';

INSERT INTO intake.outbox (id, target, path, body, created_at, attempts, next_attempt_at, delivered_at)
SELECT gen_random_uuid(), 'classification', '/fenliu.classification.v1.ClassificationService/Classify', '{}', at, 1, at, at
FROM backlog;
INSERT INTO classification.outbox (id, target, path, body, created_at, attempts, next_attempt_at, delivered_at)
SELECT gen_random_uuid(), 'routing', '/fenliu.routing.v1.RoutingService/Route', '{}', at, 1, at, at
FROM backlog;
INSERT INTO routing.outbox (id, target, path, body, created_at, attempts, next_attempt_at, delivered_at)
SELECT gen_random_uuid(), 'feedback', '/fenliu.feedback.v1.FeedbackService/TrackTicket', '{}', at, 1, at, at
FROM backlog;

-- Vacuumed as autovacuum would have over the week (visibility maps, the trigram indexes' pending
-- lists): otherwise the first minutes of the run measure autovacuum catching up with a million rows.
VACUUM ANALYZE intake.calls;
VACUUM ANALYZE routing.tickets;
VACUUM ANALYZE feedback.tickets;
VACUUM ANALYZE intake.outbox;
VACUUM ANALYZE classification.outbox;
VACUUM ANALYZE routing.outbox;
