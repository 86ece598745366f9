-- The unit hierarchy (units.parent_code: county → bureau → department) as pairs: every unit with itself and
-- every unit below it, at any depth. The 全部单位 page filters "this unit and its units" through it. The
-- loader refuses a parent_code cycle (loader.check_unit_tree); `union` (not `union all`) would end the walk
-- on one all the same. Years: every year the unit below has a report, so that the view can be read by unit
-- and year like any other.
with recursive

below (unit_code, descendant_code) as (
    select unit_code, unit_code from units
    union
    select b.unit_code, u.unit_code
    from below as b
    join units as u on u.parent_code = b.descendant_code
),

final as (
    select b.unit_code, y.year, b.descendant_code
    from below as b
    join available_years as y on y.unit_code = b.descendant_code
    order by b.unit_code, y.year, b.descendant_code
)

select * from final
