-- Which unit has a report for which year, what kind of data it holds, and the report's title: the sidebar
-- offers these. Figures from other public sources (value_documents) do not make a year of their own.
with

data_years as (
    select unit_code, year, 'indicators' as kind from value_documents where from_report
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
        d.unit_code, u.unit_name, d.year, any_value(r.title) as report_title,
        bool_or(d.kind = 'indicators') as has_indicators,
        bool_or(d.kind = 'spending') as has_spending,
        bool_or(d.kind = 'projects') as has_projects,
        bool_or(d.kind = 'evaluation') as has_evaluation,
        bool_or(d.kind = 'narrative') as has_narrative
    from data_years as d
    join units as u using (unit_code)
    left join unit_reports as r using (unit_code, year)
    group by d.unit_code, u.unit_name, d.year
    order by d.unit_code, d.year
)

select * from final
