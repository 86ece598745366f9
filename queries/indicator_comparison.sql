-- Any two years side by side: each indicator's actual in `year` against an earlier `base_year`,
-- over the series (loaded years and derived previous years, marked), with the change between them.
-- Figures from other public sources are shown in the series but never compared (not like-for-like).
with

series as (
    select unit_code, year, indicator_code, indicator_name, unit, actual, qualifier, is_derived, is_estimate, period,
           indicator_order
    from indicator_series
    where from_report
),

pairs as (
    select
        later.unit_code, later.year, earlier.year as base_year, later.indicator_code, later.indicator_name,
        later.unit, earlier.actual as base_actual, earlier.qualifier as base_qualifier,
        earlier.is_derived as base_is_derived,
        earlier.is_estimate as base_is_estimate, earlier.period as base_period,
        later.actual, later.qualifier, later.is_derived, later.is_estimate, later.period, later.indicator_order
    from series as later
    join series as earlier
        on earlier.unit_code = later.unit_code
        and earlier.indicator_code = later.indicator_code
        and earlier.year < later.year
),

stated as (
    select unit_code, year, indicator_code, stated_yoy from indicator_progress where stated_yoy is not null
),

final as (  -- against the previous year, the growth the report states wins over a recomputation
    select
        p.*,
        p.actual - p.base_actual as change,
        case when p.base_year = p.year - 1 and s.stated_yoy is not null then s.stated_yoy
             else round(yoy_rate(p.actual, p.base_actual), 4) end as change_rate,
        p.base_year = p.year - 1 and s.stated_yoy is not null as change_is_stated
    from pairs as p
    left join stated as s using (unit_code, year, indicator_code)
    order by p.unit_code, p.year, p.base_year, p.indicator_order
)

select * from final
