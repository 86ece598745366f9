-- Every spending item with its parent, amount, share of parent, share of its tree's total and budget
-- execution. An item marked is_remainder gets parent - listed siblings as its amount (is_derived).
-- The memo tree (三公经费) is its own root and does not count towards the total.
with

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

tree as (  -- walked down from each root, carrying what an item's shares need: its root (and whether that is the
           -- memo tree), the root's and the parent's amounts, its depth and the source lines from the root to
           -- it (the order the report lists items in). The loader refuses cycles, missing parents and chains
           -- of more than schema.MAX_SPENDING_DEPTH items, so the walk ends; the bound below only guards it.
    with recursive walk as (
        select
            a.*, a.item_code as root_code, coalesce(a.is_memo, false) as root_is_memo, 0 as depth,
            [a.source_line] as order_path, a.amount as root_amount,
            case when false then a.amount end as parent_amount  -- none, typed as an amount
        from amounts as a
        where a.parent_code is null
        union all
        select
            a.*, w.root_code, w.root_is_memo, w.depth + 1, list_append(w.order_path, a.source_line), w.root_amount,
            w.amount
        from walk as w
        join amounts as a on a.unit_code = w.unit_code and a.year = w.year and a.parent_code = w.item_code
        where w.depth < 16
    )
    select * from walk
),

final as (
    select
        unit_code, year, item_code, parent_code, item_name, depth::integer as depth, root_code,
        root_is_memo as is_memo, amount, is_derived, budget, adjusted_budget,
        round(amount / nullif(parent_amount, 0), 4) as share_of_parent,
        round(amount / nullif(root_amount, 0), 4) as share_of_total,
        round(amount / nullif(coalesce(adjusted_budget, budget), 0), 4) as budget_execution,
        source, note
    from tree
    order by unit_code, year, root_is_memo, order_path
)

select * from final
