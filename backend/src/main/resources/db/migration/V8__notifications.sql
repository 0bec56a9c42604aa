-- In-app notifications, one row per message to one user, written by other features in the
-- transaction of the change they announce. Those that also go out by email get an outbox row
-- (topic 'email') in the same transaction; the email dispatcher sets emailed_at once sent.
create table notifications (
    id         uuid primary key,
    user_id    uuid        not null references users (id) on delete cascade,
    -- A short code such as BOOKING_APPROVED, for the web app to choose an icon or a filter.
    type       text        not null,
    -- Already in the user's language: the feature that notifies decides.
    title      text        not null,
    body       text        not null,
    -- A path in the web app, such as /bookings/<id>; null when there is nothing to open.
    link       text,
    created_at timestamptz not null,
    read_at    timestamptz,
    emailed_at timestamptz
);

create index notifications_user_idx on notifications (user_id, created_at desc);
create index notifications_unread_idx on notifications (user_id, created_at desc) where read_at is null;

-- The email dispatcher claims its rows by topic in id order: without this, each claim would
-- walk past a backlog of other topics' rows (the search indexer's).
create index outbox_email_idx on outbox (id) where topic = 'email';
