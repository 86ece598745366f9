-- 全部单位: one row per unit and year for the county's table and charts: the unit's place in the hierarchy,
-- its spending and the basic / project split, its stated and computed score and grade, how its headline
-- targets went, the stored audit's findings by severity, and its rank by total score among the units of its year.
with

unit_years as (
    select unit_code, unit_name, year from available_years
),

headline as (  -- the headline indicators with a target: met, missed, or no actual reported
    select
        unit_code, year,
        count(*) filter (where target is not null or target_text is not null) as targets_set,
        count(*) filter (where status = 'met') as targets_met,
        count(*) filter (where status = 'not_met') as targets_missed,
        count(*) filter (where status = 'no_actual') as targets_unreported
    from indicator_progress
    where is_headline and from_report
    group by unit_code, year
),

finding_counts as (
    select
        a.unit_code, a.year,
        count(f.severity) filter (where s.level = 'errors') as errors,
        count(f.severity) filter (where s.level = 'warnings') as warnings,
        count(f.severity) filter (where s.level = 'notes') as notes
    from audited as a
    left join findings as f on f.unit_code = a.unit_code and f.year = a.year
    left join rule_severities as s on s.severity = f.severity
    group by a.unit_code, a.year
),

final as (
    select
        y.unit_code, y.unit_name, u.parent_code, p.unit_name as parent_name, y.year,
        sp.total_spending, sp.basic_spending, sp.project_spending, sp.basic_share, sp.project_share,
        e.stated_total, e.total_score, e.total_status, coalesce(e.total_is_derived, false) as total_is_derived,
        e.grade, e.computed_total, e.computed_grade,
        coalesce(h.targets_set, 0) as targets_set, coalesce(h.targets_met, 0) as targets_met,
        coalesce(h.targets_missed, 0) as targets_missed, coalesce(h.targets_unreported, 0) as targets_unreported,
        fc.unit_code is not null as is_audited, fc.errors, fc.warnings, fc.notes,
        case when e.total_score is not null
            then rank() over (partition by y.year order by e.total_score desc nulls last) end as score_rank,
        count(e.total_score) over (partition by y.year) as ranked_units
    from unit_years as y
    join units as u using (unit_code)
    left join units as p on p.unit_code = u.parent_code
    left join unit_spending as sp using (unit_code, year)
    left join evaluation_summary as e using (unit_code, year)
    left join headline as h using (unit_code, year)
    left join finding_counts as fc using (unit_code, year)
    order by y.year, y.unit_code
)

select * from final
