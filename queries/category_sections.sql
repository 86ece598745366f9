-- The report section each indicator category of a unit-year is discussed in: the section its values cite
-- most often as their most specific reference (the last in `source`), counting values with an actual first,
-- since results are where a report discusses a category. Per unit-year: each report has its own outline.
with

cited as (
    select
        v.unit_code, v.year, i.category,
        trim(list_last(string_split(v.source, '；'))) as ref,
        v.actual is not null as has_actual
    from indicator_values as v
    join indicators as i using (indicator_code)
    where v.source is not null
),

counted as (
    select unit_code, year, category, ref, max(has_actual) as has_actual, count(*) as citations
    from cited
    group by unit_code, year, category, ref
),

ranked as (
    select
        *,
        row_number() over (partition by unit_code, year, category
                           order by has_actual desc, citations desc, ref) as place
    from counted
),

final as (
    select unit_code, year, category, ref as category_section
    from ranked
    where place = 1
    order by unit_code, year, category
)

select * from final
