-- Several consumers now drain the outbox, each its own topic: claims look rows up by topic.
create index outbox_topic on outbox (topic, id);

-- A transaction that sends NOTIFY holds a lock, shared by the whole cluster, from its
-- commit's start to its end, so such commits queue behind each other (with their WAL
-- flushes). Notices are written by every booking request: their rows wake nobody, and
-- their consumer polls instead (app.outbox.quiet-poll-interval).
drop trigger outbox_notify on outbox;
create trigger outbox_notify after insert on outbox for each row when (new.topic <> 'notice')
    execute function outbox_notify();
