-- The score computed by the rules beside the score the report states: per indicator, per first-level
-- group (产出, 效益, 满意度, 预算执行) and in total. Where the data does not suffice, the computed score
-- stays empty and `basis` says why (texts.SCORE_BASIS_LABELS has the wording).
with

default_weights as (  -- rule_weights, written from perfboard/rules.py
    select level1, default_weight, level1_order from rule_weights where default_weight is not null
),

unit_years as (  -- the years of a report: figures from other sources are not scored
    select unit_code, year from value_documents where from_report
    union
    select unit_code, year from evaluation
    union
    select unit_code, year from spending
),

own_framework as (  -- reports that state a group of another framework (投入, 过程 …, schema.OTHER_LEVEL1_GROUPS)
    select distinct e.unit_code, e.year
    from evaluation as e
    join rule_weights as w on w.level1 = e.level1
    where w.default_weight is null and e.level1 <> (select level1 from rule_total_row)
),

framework_groups as (  -- the default groups with their weights, or the groups a report of its own framework states
    select u.unit_code, u.year, d.level1, d.level1_order, d.default_weight
    from unit_years as u
    cross join default_weights as d
    where not exists (select 1 from own_framework as o where o.unit_code = u.unit_code and o.year = u.year)
    union all
    select e.unit_code, e.year, e.level1, w.level1_order, null as default_weight
    from evaluation as e
    join own_framework as o on o.unit_code = e.unit_code and o.year = e.year
    join rule_weights as w on w.level1 = e.level1
    where e.level1 <> (select level1 from rule_total_row)
),

group_weights as (
    select
        g.unit_code, g.year, g.level1, g.level1_order,
        coalesce(e.max_score, g.default_weight) as weight,
        e.max_score is null and g.default_weight is not null as weight_is_default,
        e.score as stated_score,
        e.source
    from framework_groups as g
    left join evaluation as e on e.unit_code = g.unit_code and e.year = g.year and e.level1 = g.level1
),

indicator_rows as (
    select
        p.unit_code, p.year, p.indicator_code, p.indicator_name, p.level1, p.weight, p.completion_rate,
        p.score as stated_score, v.achievement, p.status, p.source, p.category_order, p.indicator_order,
        tier_low(p.weight, v.achievement) as score_low,
        tier_high(p.weight, v.achievement) as score_high,
        far_above_target(p.completion_rate) as far_above_target
    from indicator_progress as p
    join indicator_values as v using (unit_code, year, indicator_code)
    where p.from_report
),

indicator_scores as (
    select
        *,
        case
            when level1 is null then 'no_level1'
            when weight is null then 'no_weight'
            when achievement is not null and stated_score is null then 'qualitative_unscored'
            when achievement is not null and stated_score between score_low and score_high then 'qualitative'
            when achievement is not null then 'qualitative_out_of_range'
            when status = 'in_words' then 'qualitative_no_tier'  -- judged in words, with no tier to score by
            when completion_rate is null then 'no_rate'
            else 'computed'
        end as basis
    from indicator_rows
),

indicator_final as (
    select
        *,
        case
            when basis = 'computed' then round(quantitative_score(weight, completion_rate), 2)
            when basis = 'qualitative' then stated_score  -- the evaluator's score, inside its tier
        end as computed_score
    from indicator_scores
),

budget_execution as (  -- a root item of the spending tree (never a remainder), outside the memo tree
    select unit_code, year, actual / coalesce(adjusted_budget, budget) as execution
    from spending
    where parent_code is null and not coalesce(is_memo, false) and coalesce(adjusted_budget, budget) > 0
),

group_sums as (
    select
        unit_code, year, level1,
        count(*) as indicators,
        count(computed_score) as scored,
        sum(computed_score) as computed_sum
    from indicator_final
    where level1 is not null
    group by unit_code, year, level1
),

group_scores as (
    select
        w.unit_code, w.year, w.level1, w.level1_order, w.weight, w.weight_is_default, w.stated_score, w.source,
        b.execution,
        case
            when w.level1 = '预算执行' then round(budget_execution_score(w.weight, b.execution), 2)
            when s.indicators = s.scored then round(s.computed_sum, 2)
        end as computed_score,
        case
            when w.level1 = '预算执行' and b.execution is null then 'no_budget'
            when w.level1 = '预算执行' then 'computed'
            when s.indicators is null then 'no_indicators'
            when s.indicators > s.scored then 'incomplete'
            else 'computed'
        end as basis
    from group_weights as w
    left join group_sums as s using (unit_code, year, level1)
    left join budget_execution as b using (unit_code, year)
),

total_score as (
    select
        g.unit_code, g.year,
        case when count(g.weight) = count(*) then sum(g.weight) end as weight,  -- unknown when a group's is
        case when count(g.computed_score) = count(*) then round(sum(g.computed_score), 2) end as computed_score,
        case when count(g.computed_score) = count(*) then 'computed' else 'incomplete' end as basis,
        max(e.score) as stated_score,
        max(e.source) as source
    from group_scores as g
    left join evaluation as e on e.unit_code = g.unit_code and e.year = g.year and e.level1 = (select level1 from rule_total_row)
    group by g.unit_code, g.year
),

all_rows as (
    select
        unit_code, year, 'indicator' as row_type, level1, indicator_code, indicator_name as item_name,
        weight, null::boolean as weight_is_default, computed_score, score_low, score_high, stated_score, basis,
        completion_rate, far_above_target, null::double as execution, null::varchar as computed_grade, null::varchar as stated_grade,
        source, 3 as row_order, 99 as level1_order, category_order, indicator_order
    from indicator_final
    union all by name
    select
        unit_code, year, 'group' as row_type, level1, null as indicator_code, level1 as item_name,
        weight, weight_is_default, computed_score, null as score_low, null as score_high, stated_score, basis,
        null as completion_rate, false as far_above_target, execution, null as computed_grade,
        null as stated_grade, source, 2 as row_order, level1_order, 0 as category_order, 0 as indicator_order
    from group_scores
    union all by name
    select
        unit_code, year, 'total' as row_type, null as level1, null as indicator_code,
        (select level1 from rule_total_row) as item_name,
        weight, null as weight_is_default, computed_score, null as score_low, null as score_high, stated_score, basis,
        null as completion_rate, false as far_above_target, null as execution, grade(computed_score) as computed_grade,
        grade(stated_score) as stated_grade, source, 1 as row_order, 0 as level1_order, 0 as category_order,
        0 as indicator_order
    from total_score
),

final as (
    select
        unit_code, year, row_type, level1, indicator_code, item_name, weight, weight_is_default, computed_score,
        score_low, score_high, stated_score, stated_score - computed_score as difference, basis, completion_rate,
        far_above_target, execution, computed_grade, stated_grade, source
    from all_rows
    order by unit_code, year, row_order, level1_order, category_order, indicator_order
)

select * from final
