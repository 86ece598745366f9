-- The unit hierarchy (units.parent_code: county → bureau → department) as pairs: every unit with itself and
-- every unit below it, at any depth. The 全部单位 page filters "this unit and its units" through it. A
-- parent_code cycle is refused by no check yet, so the walk stops at depth 8 (schema.MAX_SPENDING_DEPTH's
-- reasoning: deeper chains are a wrong code); years: every year the unit has a report, so that the view can
-- be read by unit and year like any other.
with recursive

below (unit_code, descendant_code, depth) as (
    select unit_code, unit_code, 0 from units
    union all
    select b.unit_code, u.unit_code, b.depth + 1
    from below as b
    join units as u on u.parent_code = b.descendant_code
    where b.depth < 8
),

final as (
    select distinct b.unit_code, y.year, b.descendant_code, b.depth
    from below as b
    join available_years as y on y.unit_code = b.descendant_code
    order by b.unit_code, y.year, b.depth, b.descendant_code
)

select * from final
