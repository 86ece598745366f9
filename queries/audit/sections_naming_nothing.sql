-- The sections (of those handed in) that name none of their report's indicators and none of its spending items
-- below the first level: TEXT_GENERIC_SECTION (perfboard/audit.py). Run by DuckDB over the audit's own frames,
-- so that a county's two million pairs of section and name are tested in one join.
-- Reads sections (unit_code, year, section_key, body), results (indicator_name) and structure (item_name).
with

named_things as (
    select unit_code, year, indicator_name as name from results
    union all
    select unit_code, year, item_name as name from structure
    where depth >= 2 and not is_derived
),

sections_naming_something as (
    select distinct s.unit_code, s.year, s.section_key
    from sections as s
    join named_things as n
      on n.unit_code = s.unit_code and n.year = s.year and contains(s.body, n.name)
),

final as (
    select s.unit_code, s.year, s.section_key
    from sections as s
    anti join sections_naming_something as named
      on named.unit_code = s.unit_code and named.year = s.year and named.section_key = s.section_key
)

select * from final
