-- Which unit has data for which year, and of what kind: the sidebar offers these.
with

data_years as (
    select unit_code, year, 'indicators' as kind from indicator_values
    union all
    select unit_code, year, 'spending' from spending
    union all
    select unit_code, year, 'projects' from projects
    union all
    select unit_code, year, 'evaluation' from evaluation
    union all
    select unit_code, year, 'narrative' from narrative_sections
),

final as (
    select
        d.unit_code, u.unit_name, d.year,
        bool_or(d.kind = 'indicators') as has_indicators,
        bool_or(d.kind = 'spending') as has_spending,
        bool_or(d.kind = 'projects') as has_projects,
        bool_or(d.kind = 'evaluation') as has_evaluation,
        bool_or(d.kind = 'narrative') as has_narrative
    from data_years as d
    join units as u using (unit_code)
    group by d.unit_code, u.unit_name, d.year
    order by d.unit_code, d.year
)

select * from final
