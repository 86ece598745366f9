-- Every spending item with its parent, amount, share of parent, share of its tree's total and budget
-- execution. An item marked is_remainder gets parent - listed siblings as its amount (is_derived).
-- The memo tree (三公经费) is its own root and does not count towards the total.
with recursive

listed_children as (
    select unit_code, year, parent_code, sum(actual) as listed_amount
    from spending
    where parent_code is not null and not coalesce(is_remainder, false)
    group by unit_code, year, parent_code
),

amounts as (
    select
        s.*,
        coalesce(s.is_remainder, false) as is_derived,
        case
            when s.is_remainder then parent.actual - coalesce(listed.listed_amount, 0)
            else s.actual
        end as amount
    from spending as s
    left join spending as parent
        on parent.unit_code = s.unit_code and parent.year = s.year and parent.item_code = s.parent_code
    left join listed_children as listed
        on listed.unit_code = s.unit_code and listed.year = s.year and listed.parent_code = s.parent_code
),

tree as (
    select unit_code, year, item_code, item_code as root_code, 0 as depth, [source_line] as order_path
    from amounts
    where parent_code is null
    union all
    select child.unit_code, child.year, child.item_code, tree.root_code, tree.depth + 1,
           list_append(tree.order_path, child.source_line)
    from amounts as child
    join tree
        on child.unit_code = tree.unit_code and child.year = tree.year and child.parent_code = tree.item_code
),

final as (
    select
        a.unit_code, a.year, a.item_code, a.parent_code, a.item_name, t.depth, t.root_code,
        coalesce(root.is_memo, false) as is_memo,
        a.amount, a.is_derived, a.budget, a.adjusted_budget,
        round(a.amount / nullif(parent.amount, 0), 4) as share_of_parent,
        round(a.amount / nullif(root.amount, 0), 4) as share_of_total,
        round(a.amount / nullif(coalesce(a.adjusted_budget, a.budget), 0), 4) as budget_execution,
        a.source, a.note
    from amounts as a
    join tree as t using (unit_code, year, item_code)
    join amounts as root
        on root.unit_code = t.unit_code and root.year = t.year and root.item_code = t.root_code
    left join amounts as parent
        on parent.unit_code = a.unit_code and parent.year = a.year and parent.item_code = a.parent_code
    order by a.unit_code, a.year, coalesce(root.is_memo, false), t.order_path
)

select * from final
