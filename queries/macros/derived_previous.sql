-- A previous year implied by a stated growth rate, previous = actual / (1 + rate), at the precision of the
-- figure it comes from: 35.44 / 1.1063 = 32.0347… is shown as 32.03 (docs/architecture.md, Domain rules).
create or replace macro decimal_places(x) as
    cast(length(regexp_extract(cast(x as varchar), '\.([0-9]*[1-9])', 1)) as integer);

create or replace macro derived_previous(actual, stated_yoy) as
    case when stated_yoy > -1 then round(actual / (1 + stated_yoy), decimal_places(actual)) end;
