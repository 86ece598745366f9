-- The unit-years the audit ran on when the version was published (docs/architecture.md, "Findings at
-- publish"): for these, audit_findings holds every finding, and none means none.
with

final as (
    select unit_code, year from audited order by unit_code, year
)

select * from final
