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

ancestors as (  -- up to eight levels above each item: the loader refuses cycles and chains of more than
                -- schema.MAX_SPENDING_DEPTH items (tests/test_queries.py holds the two together); joins, not
                -- a recursive walk, so that a page's filter on one unit-year reaches every level
    select
        s.unit_code, s.year, s.item_code,
        [p8.item_code, p7.item_code, p6.item_code, p5.item_code, p4.item_code, p3.item_code, p2.item_code,
         p1.item_code] as codes_above,
        [p8.source_line, p7.source_line, p6.source_line, p5.source_line, p4.source_line, p3.source_line,
         p2.source_line, p1.source_line, s.source_line] as lines_from_root
    from spending as s
    left join spending as p1
        on p1.unit_code = s.unit_code and p1.year = s.year and p1.item_code = s.parent_code
    left join spending as p2
        on p2.unit_code = s.unit_code and p2.year = s.year and p2.item_code = p1.parent_code
    left join spending as p3
        on p3.unit_code = s.unit_code and p3.year = s.year and p3.item_code = p2.parent_code
    left join spending as p4
        on p4.unit_code = s.unit_code and p4.year = s.year and p4.item_code = p3.parent_code
    left join spending as p5
        on p5.unit_code = s.unit_code and p5.year = s.year and p5.item_code = p4.parent_code
    left join spending as p6
        on p6.unit_code = s.unit_code and p6.year = s.year and p6.item_code = p5.parent_code
    left join spending as p7
        on p7.unit_code = s.unit_code and p7.year = s.year and p7.item_code = p6.parent_code
    left join spending as p8
        on p8.unit_code = s.unit_code and p8.year = s.year and p8.item_code = p7.parent_code
),

tree as (
    select
        unit_code, year, item_code,
        coalesce(list_filter(codes_above, lambda code: code is not null)[1], item_code) as root_code,
        len(list_filter(codes_above, lambda code: code is not null))::integer as depth,
        list_filter(lines_from_root, lambda line: line is not null) as order_path
    from ancestors
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
