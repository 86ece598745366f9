-- The self-assessed scores as the report states them, first-level groups in the order of the rules.
with

stated as (
    select
        unit_code, year, level1, max_score, score, note,
        list_position(['产出', '效益', '满意度', '预算执行', '总分'], level1) as level1_order
    from evaluation
),

final as (
    select * from stated
    order by unit_code, year, level1_order
)

select * from final
