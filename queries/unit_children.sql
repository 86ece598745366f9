-- The roll-up of the unit hierarchy (units.parent_code: county → bureau → department): for each unit with
-- subordinate units, each direct child's spending in the year and its share of what the children spent
-- together. A parent's own report is not the sum of its children's (a department's total may or may not
-- include them), so the children's sum is shown beside it, never in place of it.
with

children as (
    select u.parent_code, u.unit_code, u.unit_name, s.year, s.total_spending
    from units as u
    join unit_spending as s using (unit_code)
    where u.parent_code is not null
),

final as (
    select
        c.parent_code as unit_code, c.year, c.unit_code as child_code, c.unit_name as child_name,
        c.total_spending,
        sum(c.total_spending) over (partition by c.parent_code, c.year) as children_total,
        round(c.total_spending / nullif(sum(c.total_spending) over (partition by c.parent_code, c.year), 0), 4)
            as share_of_children,
        count(*) over (partition by c.parent_code, c.year) as children
    from children as c
    order by c.parent_code, c.year, c.total_spending desc, c.unit_code
)

select * from final
