-- Each indicator's actual against the previous year: the loaded previous year where there is one,
-- else the value implied by the report's stated growth rate (previous = actual / (1 + stated_yoy)),
-- with previous_basis saying which ('loaded' or 'derived').
with

this_year as (
    select unit_code, year, indicator_code, indicator_name, category, unit, actual, stated_yoy,
           category_order, indicator_order
    from indicator_progress
),

loaded_previous as (  -- only from a report: a figure from another source is not like-for-like
    select unit_code, year + 1 as year, indicator_code, actual as previous_actual
    from indicator_progress
    where actual is not null and from_report
),

with_previous as (
    select
        t.*,
        l.previous_actual as loaded_previous,
        derived_previous(t.actual, t.stated_yoy) as derived_previous
    from this_year as t
    left join loaded_previous as l using (unit_code, year, indicator_code)
),

final as (
    select
        unit_code, year, indicator_code, indicator_name, category, unit, actual,
        coalesce(loaded_previous, derived_previous) as previous_actual,
        case
            when loaded_previous is not null then 'loaded'
            when derived_previous is not null then 'derived'
        end as previous_basis,
        actual - coalesce(loaded_previous, derived_previous) as change,
        case
            when loaded_previous is not null then round(yoy_rate(actual, loaded_previous), 4)
            else stated_yoy  -- a derived previous year reproduces the stated rate by construction
        end as yoy_rate,
        stated_yoy,
        category_order,
        indicator_order
    from with_previous
)

select * from final
order by unit_code, year, category_order, indicator_order
