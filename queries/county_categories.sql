-- Completion by category across units: for each unit-year and category, how many indicators with a target
-- were met, missed, or have no actual reported (the 全部单位 page adds them up over the units it shows).
with

final as (
    select
        unit_code, year, category as category_code, any_value(category_name) as category_name,
        min(category_order) as category_order,
        count(*) filter (where status = 'met') as targets_met,
        count(*) filter (where status = 'not_met') as targets_missed,
        count(*) filter (where status = 'no_actual') as targets_unreported
    from indicator_progress
    where from_report and target is not null
    group by unit_code, year, category
    order by unit_code, year, category_order
)

select * from final
