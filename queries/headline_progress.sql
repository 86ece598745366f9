-- The overview cards: the headline categories (税收, 投资, 项目, 争资) with target, actual,
-- completion and the change on the previous year where it is known.
with

headline as (
    select * from indicator_progress where is_headline
),

with_yoy as (
    select h.*, y.previous_actual, y.previous_basis, y.yoy_rate
    from headline as h
    left join indicator_yoy as y using (unit_code, year, indicator_code)
),

final as (
    select
        unit_code, year, category as category_code, category_name, indicator_code, indicator_name,
        unit, target, actual, qualifier, completion_rate, status, is_estimate, period, is_partial,
        previous_actual, previous_basis, yoy_rate, source
    from with_yoy
    order by unit_code, year, category_order, indicator_order
)

select * from final
