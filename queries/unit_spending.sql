-- Each unit-year's spending total and its basic / project split, read from the spending table directly (not
-- the per-item spending_structure) so that a county of a million items stays one scan. The total is the
-- one root item outside the memo (三公经费) tree; the split is the root's children whose names begin with
-- rule_spending_split's words (基本支出, 项目支出).
with

roots as (
    select unit_code, year, item_code, actual
    from spending
    where parent_code is null and not coalesce(is_memo, false)
),

single_root as (  -- two roots would make the total ambiguous: none is given
    select unit_code, year, any_value(item_code) as root_code, any_value(actual) as total_spending
    from roots
    group by unit_code, year
    having count(*) = 1
),

split as (
    select
        s.unit_code, s.year,
        sum(s.actual) filter (where k.kind = 'basic') as basic_spending,
        sum(s.actual) filter (where k.kind = 'project') as project_spending
    from spending as s
    join single_root as r on r.unit_code = s.unit_code and r.year = s.year and r.root_code = s.parent_code
    join rule_spending_split as k on starts_with(s.item_name, k.name_prefix)
    group by s.unit_code, s.year
),

final as (
    select
        r.unit_code, r.year, r.total_spending, sp.basic_spending, sp.project_spending,
        round(sp.basic_spending / nullif(r.total_spending, 0), 4) as basic_share,
        round(sp.project_spending / nullif(r.total_spending, 0), 4) as project_share
    from single_root as r
    left join split as sp using (unit_code, year)
)

select * from final
