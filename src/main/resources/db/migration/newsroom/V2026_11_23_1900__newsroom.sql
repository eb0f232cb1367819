-- Partner media outlets whose feeds the newsroom follows, with each feed's polling state and health.
create table newsroom_outlets (
    id                    bigserial primary key,
    name                  text        not null,
    country               char(2)     not null,
    languages             text[]      not null,
    website               text,
    feed_url              text        not null,
    active                boolean     not null default true,
    poll_interval_minutes integer,
    created_at            timestamptz not null default now(),
    -- polling: when the feed is due next, and a lease so that one node polls it at a time
    next_poll_at          timestamptz not null default now(),
    claimed_until         timestamptz,
    poll_requested_at     timestamptz,
    etag                  text,
    last_modified         text,
    -- health: NEVER, OK, NOT_MODIFIED or FAILING
    status                text        not null default 'NEVER',
    last_polled_at        timestamptz,
    last_success_at       timestamptz,
    failing_since         timestamptz,
    last_error_code       text,
    last_error            text,
    consecutive_failures  integer     not null default 0
);
create unique index newsroom_outlets_feed_url on newsroom_outlets (lower(feed_url));
create index newsroom_outlets_due on newsroom_outlets (next_poll_at) where active;

-- Items read from the feeds, stored once per outlet (by GUID, else by link).
create table newsroom_items (
    id           bigserial primary key,
    outlet_id    bigint      not null references newsroom_outlets (id) on delete cascade,
    dedup_key    text        not null,
    title        text        not null,
    link         text        not null,
    summary      text,
    author       text,
    published_at timestamptz,
    language     text        not null,
    fetched_at   timestamptz not null default now(),
    picked_at    timestamptz,
    unique (outlet_id, dedup_key)
);
create index newsroom_items_recent on newsroom_items ((coalesce(published_at, fetched_at)) desc);
create index newsroom_items_picked on newsroom_items (picked_at desc) where picked_at is not null;
