-- Each unit-year's total score in one row, the one place every page, the deck, the HTML report and the
-- year's summary read it from (docs/architecture.md, Domain rules): the total the report states, the sum of
-- the parts it states, the total the rules compute (evaluation_score), and which one is shown.
with

computed as (  -- one total row per unit-year of a report
    select unit_code, year, computed_score as computed_total, computed_grade, basis as computed_basis, source
    from evaluation_score
    where row_type = 'total'
),

parts as (
    select unit_code, year, sum(score) as parts_total, count(score) as parts_scored, min(source) as parts_source
    from evaluation
    where level1 <> (select level1 from rule_total_row)
    group by unit_code, year
),

stated_total as (
    select unit_code, year, score as stated_total
    from evaluation
    where level1 = (select level1 from rule_total_row)
),

final as (  -- a report may state the total, only its parts, both, or neither
    select
        c.unit_code, c.year,
        s.stated_total,
        p.parts_total, coalesce(p.parts_scored, 0) as parts_scored,
        coalesce(s.stated_total, p.parts_total) as total_score,
        case
            when s.stated_total is not null then 'stated'
            when p.parts_total is not null then 'derived'
            else 'not_reported'
        end as total_status,
        s.stated_total is null and p.parts_total is not null as total_is_derived,
        grade(coalesce(s.stated_total, p.parts_total)) as grade,
        c.computed_total, c.computed_grade, c.computed_basis,
        coalesce(c.source, p.parts_source) as source
    from computed as c
    left join parts as p using (unit_code, year)
    left join stated_total as s using (unit_code, year)
    order by c.unit_code, c.year
)

select * from final
