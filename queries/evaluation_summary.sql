-- The self-assessed score the report states, per unit and year, with its grade (docs/architecture.md, Domain rules).
-- Where the report gives no total row, the total is the sum of its parts and marked derived.
with

unit_years as (
    select distinct unit_code, year from evaluation
),

parts as (
    select unit_code, year, sum(score) as parts_total, count(score) as parts_scored
    from evaluation
    where level1 <> '总分'
    group by unit_code, year
),

stated_total as (
    select unit_code, year, score as stated_total
    from evaluation
    where level1 = '总分'
),

final as (  -- a report may state only the total, only its parts, or both
    select
        u.unit_code, u.year,
        coalesce(s.stated_total, p.parts_total) as total_score,
        s.stated_total is null as total_is_derived,
        grade(coalesce(s.stated_total, p.parts_total)) as grade,
        p.parts_total, coalesce(p.parts_scored, 0) as parts_scored
    from unit_years as u
    left join parts as p using (unit_code, year)
    left join stated_total as s using (unit_code, year)
    where coalesce(s.stated_total, p.parts_total) is not null
    order by u.unit_code, u.year
)

select * from final
