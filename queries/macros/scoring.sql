-- Self-evaluation scoring (docs/architecture.md, Domain rules; 财预〔2020〕10号, 项目支出绩效自评表 notes).
-- A quantitative indicator met or exceeded scores its full weight, otherwise weight × completion rate.
create or replace macro quantitative_score(weight, rate) as
    case when weight is null or rate is null then null else weight * least(rate, 1.0) end;

-- A qualitative indicator is scored by the evaluator inside its tier's share of the weight (rule_tiers:
-- 达成 80–100%, 部分达成 60–80%, 未达成 0–60%).
create or replace macro tier_low(weight, tier) as
    weight * (select low_share from rule_tiers where achievement = tier);

create or replace macro tier_high(weight, tier) as
    weight * (select high_share from rule_tiers where achievement = tier);

-- Budget execution: weight × min(1, executed / adjusted budget); below 90% needs an explanation.
create or replace macro budget_execution_score(weight, execution) as
    case when weight is null or execution is null then null else weight * least(execution, 1.0) end;

-- A result far above its target (rule_thresholds: over 150%) suggests the target was set too low.
create or replace macro far_above_target(rate) as
    coalesce(rate > (select value from rule_thresholds where name = 'far_above_target'), false);
