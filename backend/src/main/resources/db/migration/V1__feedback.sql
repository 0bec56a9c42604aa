-- Feedback that visitors send to the platform operators.
create table feedback (
    id            uuid primary key,
    message       text         not null check (char_length(message) between 1 and 2000),
    contact_email varchar(254),
    page          varchar(500),
    language      varchar(10),
    created_at    timestamptz  not null
);

create index feedback_created_at_idx on feedback (created_at desc);
