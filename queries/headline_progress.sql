-- The overview cards: the headline indicators (税收, 投资, 项目, 争资) with target, actual,
-- completion and the change on the previous year where it is known. A unit-year for which no indicator is
-- marked (a department's first imported report) shows instead its first indicators that state both a target
-- and an actual, as many as rule_thresholds' stand_in_headlines; headline_basis says which, so that a page
-- can say they were not chosen (docs/architecture.md, "The overview's cards").
with

marked as (
    select *, 'marked' as headline_basis from indicator_results where is_headline
),

unmarked_years as (
    select unit_code, year from indicator_results
    except
    select unit_code, year from marked
),

measured as (
    select
        r.*, 'measured' as headline_basis,
        row_number() over (partition by r.unit_code, r.year order by r.category_order, r.indicator_order) as place
    from indicator_results as r
    semi join unmarked_years using (unit_code, year)
    where r.target is not null and r.actual is not null
),

headline as (
    select * from marked
    union all by name
    select * exclude (place) from measured
    where place <= (select value from rule_thresholds where name = 'stand_in_headlines')
),

final as (
    select
        unit_code, year, category as category_code, category_name, indicator_code, indicator_name,
        unit, target, actual, qualifier, completion_rate, status, is_estimate, period, is_partial,
        previous_actual, previous_basis, yoy_rate, source, headline_basis
    from headline
    order by unit_code, year, category_order, indicator_order
)

select * from final
