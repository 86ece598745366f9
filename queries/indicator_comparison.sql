-- Any two years side by side: each indicator's actual in `year` against an earlier `base_year`,
-- over the series (loaded years and derived previous years, marked), with the change between them.
-- Figures from other public sources are shown in the series but never compared (not like-for-like).
with

series as (
    select unit_code, year, indicator_code, indicator_name, unit, actual, is_derived, is_estimate, period,
           indicator_order
    from indicator_series
    where from_report
),

pairs as (
    select
        later.unit_code, later.year, earlier.year as base_year, later.indicator_code, later.indicator_name,
        later.unit, earlier.actual as base_actual, earlier.is_derived as base_is_derived,
        earlier.is_estimate as base_is_estimate, earlier.period as base_period,
        later.actual, later.is_derived, later.is_estimate, later.period, later.indicator_order
    from series as later
    join series as earlier
        on earlier.unit_code = later.unit_code
        and earlier.indicator_code = later.indicator_code
        and earlier.year < later.year
),

final as (
    select
        *,
        actual - base_actual as change,
        round(yoy_rate(actual, base_actual), 4) as change_rate
    from pairs
    order by unit_code, year, base_year, indicator_order
)

select * from final
