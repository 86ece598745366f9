-- 同比增长率 (docs/architecture.md, Domain rules): (this year - last year) / last year, a fraction.
-- A missing or zero last year gives no rate rather than an error.
create or replace macro yoy_rate(current_value, previous_value) as
    case
        when current_value is null or previous_value is null or previous_value = 0 then null
        else (current_value - previous_value) / previous_value
    end;
