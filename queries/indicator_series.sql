-- Every indicator's actual across years for trend charts: the loaded years, plus the previous year
-- derived from a stated growth rate where that year is not loaded (is_derived marks those).
with

loaded_years as (
    select unit_code, year, indicator_code, actual, qualifier, false as is_derived, is_estimate, period, from_report,
           document_title, document_publisher, document_date, caveat
    from indicator_progress
    where actual is not null
),

derived_years as (
    select unit_code, year - 1 as year, indicator_code, previous_actual as actual, null as qualifier, true as is_derived,
           false as is_estimate, null as period, true as from_report, null as document_title,
           null as document_publisher, null as document_date, null as caveat
    from indicator_yoy
    where previous_basis = 'derived'
),

series as (
    select * from loaded_years
    union all
    select * from derived_years
),

final as (
    select
        s.unit_code, s.year, s.indicator_code, i.indicator_name, i.category, i.unit,
        s.actual, s.qualifier, s.is_derived, s.is_estimate, s.period, s.from_report, s.document_title, s.document_publisher,
        s.document_date, s.caveat, i.sort_order as indicator_order
    from series as s
    join indicators as i using (indicator_code)
)

select * from final
order by unit_code, indicator_order, year
