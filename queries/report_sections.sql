-- The report's narrative, section by section in reading order, with its numbering (一, 一(三), 四.1).
with

sections as (
    select unit_code, year, section_key, parent_key, ref, title, level, sort_order, body
    from narrative_sections
),

final as (
    select * from sections
    order by unit_code, year, sort_order
)

select * from final
