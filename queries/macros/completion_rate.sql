-- 完成率 as docs/architecture.md, Domain rules defines it, with A = target and B = actual; a fraction (1.0 = 100%).
-- No target or no actual gives no rate. A "higher" target of zero or less has no meaningful ratio.
create or replace macro completion_rate(direction, target, actual) as
    case
        when target is null or actual is null then null
        when direction = 'higher' then
            case when target > 0 then actual / target end
        when direction = 'lower' then
            case when actual <= target then 1.0 else target / actual end
        when direction = 'equal' then
            case
                when actual = target then 1.0
                when actual = 0 or target = 0 then 0.0
                else least(actual / target, target / actual)
            end
    end;
