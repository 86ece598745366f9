-- The audit's findings as stored when the version was published (docs/architecture.md, "Findings at
-- publish"), worst first, and which unit-years the audit ran on: a unit-year it did not run on has
-- is_audited false and no findings, which pages show as 未核查, never as 0.
with

severity_order as (
    select severity, row_number() over () as severity_rank from rule_severities
),

final as (
    select
        f.unit_code, f.year, f."check", f.check_label, f.severity, f.subject_kind, f.subject, f.subject_name,
        f.message, f.source, o.severity_rank
    from findings as f
    left join severity_order as o using (severity)
    order by f.unit_code, f.year, o.severity_rank
)

select * from final
