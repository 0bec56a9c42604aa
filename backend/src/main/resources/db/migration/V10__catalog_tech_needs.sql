-- Technology needs (技术需求): a sixth kind of catalogue entry, which firms post and
-- technology owners answer. Its details live in the JSON documents like every other kind's;
-- only the lists of allowed kinds change. (Financing criteria, the cities served and the
-- qualifications required, are optional fields of those documents and need no change here.)
alter table catalog_entries drop constraint catalog_entries_kind_check;
alter table catalog_entries add constraint catalog_entries_kind_check
    check (kind in ('INSTRUMENT', 'SERVICE', 'LITERATURE', 'TECH_OFFERING', 'FINANCING', 'TECH_NEED'));

alter table catalog_import drop constraint catalog_import_kind_check;
alter table catalog_import add constraint catalog_import_kind_check
    check (kind in ('INSTRUMENT', 'SERVICE', 'LITERATURE', 'TECH_OFFERING', 'FINANCING', 'TECH_NEED'));
