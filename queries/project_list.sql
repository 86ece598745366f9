-- The projects the report names, with type and status; status_order follows schema.PROJECT_STATUSES.
with

projects_with_order as (
    select
        *,
        list_position(['前期', '在建', '已完成', '已投产', '已运营'], status) as status_order
    from projects
),

final as (
    select unit_code, year, project_name, project_type, status, status_order, source, note
    from projects_with_order
    order by unit_code, year, status_order, source_line
)

select * from final
