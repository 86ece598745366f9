-- Every indicator's progress beside its previous year and growth: what the bullet graphs and the
-- indicator tables show (previous_basis says whether last year is loaded or derived).
with

progress as (
    select * from indicator_progress
),

with_yoy as (
    select p.*, y.previous_actual, y.previous_basis, y.change, y.yoy_rate
    from progress as p
    left join indicator_yoy as y using (unit_code, year, indicator_code)
),

final as (
    select * from with_yoy
    order by unit_code, year, category_order, indicator_order
)

select * from final
