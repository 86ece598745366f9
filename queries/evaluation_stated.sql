-- The self-assessed scores as the report states them, first-level groups in the order of the rules.
with

stated as (
    select
        unit_code, year, level1, max_score, score, note,
        (select w.level1_order from rule_weights as w where w.level1 = e.level1) as level1_order
    from evaluation as e
),

final as (
    select * from stated
    order by unit_code, year, level1_order
)

select * from final
