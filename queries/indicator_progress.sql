-- One row per unit, year and indicator: target against actual, direction-aware (docs/architecture.md, Domain rules).
-- Rates are fractions (1.0 = 100%); stated_rate / stated_yoy are the report's own percentages as fractions.
with

indicator_rows as (
    select
        v.unit_code,
        v.year,
        v.indicator_code,
        i.indicator_name,
        i.category,
        c.category_name,
        cs.category_section,
        coalesce(v.is_headline, i.is_headline, false) as is_headline,  -- the unit-year's choice, else the catalogue's
        i.level1,
        i.level2,
        i.part_of,
        i.unit,
        i.direction,
        v.target,
        v.target_text,
        v.actual,
        v.actual_text,
        v.qualifier,
        v.achievement,
        v.weight,
        v.score,
        v.stated_rate / 100 as stated_rate,
        v.stated_yoy / 100 as stated_yoy,
        coalesce(v.is_estimate, false) as is_estimate,
        v.period,
        v.source,
        v.note,
        c.sort_order as category_order,
        i.sort_order as indicator_order,
        d.document_code, d.from_report, d.document_title, d.document_publisher, d.document_date, d.caveat
    from indicator_values as v
    join indicators as i using (indicator_code)
    join categories as c on c.category_code = i.category
    join value_documents as d using (unit_code, year, indicator_code)
    left join category_sections as cs on cs.unit_code = v.unit_code and cs.year = v.year
        and cs.category = i.category
),

rated as (
    select
        *,
        round(completion_rate(direction, target, actual), 4) as completion_rate
    from indicator_rows
),

final as (
    select
        unit_code, year, indicator_code, indicator_name, category, category_name, category_section, is_headline,
        level1, level2, part_of, unit, direction, target, target_text, actual, actual_text, qualifier,
        achievement, completion_rate,
        case
            when actual is null and coalesce(actual_text, achievement) is not null
                then 'in_words'  -- the result in words: 按时, 明显改善, 达成
            when target is null and actual is null then 'no_data'
            when actual is null then 'no_actual'
            when target is null and target_text is not null then 'in_words'  -- 按期完成 against 100%
            when target is null then 'no_target'
            when completion_rate is null then 'no_rate'
            when completion_rate >= 1 then 'met'
            else 'not_met'
        end as status,
        stated_rate, stated_yoy, is_estimate, period, period is not null as is_partial,
        weight, score, source, note, category_order, indicator_order,
        document_code, from_report, document_title, document_publisher, document_date, caveat
    from rated
)

select * from final
order by unit_code, year, category_order, indicator_order
