-- The overview cards: the headline indicators (税收, 投资, 项目, 争资) with target, actual,
-- completion and the change on the previous year where it is known.
with

headline as (
    select * from indicator_results where is_headline
),

final as (
    select
        unit_code, year, category as category_code, category_name, indicator_code, indicator_name,
        unit, target, actual, qualifier, completion_rate, status, is_estimate, period, is_partial,
        previous_actual, previous_basis, yoy_rate, source
    from headline
    order by unit_code, year, category_order, indicator_order
)

select * from final
