-- The projects the report names, with type and status; status_order follows rule_statuses (perfboard/rules.py).
with

projects_with_order as (
    select
        *,
        (select s.status_order from rule_statuses as s where s.status = p.status) as status_order
    from projects as p
),

final as (
    select unit_code, year, project_name, project_type, status, status_order, source, note
    from projects_with_order
    order by unit_code, year, status_order, source_line
)

select * from final
