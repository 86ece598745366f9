-- 评价等级 (docs/architecture.md, Domain rules): the best grade whose lowest score the total reaches; the bands
-- are rule_grades, written from perfboard/rules.py.
create or replace macro grade(score) as
    case
        when score is null then null
        else (select grade from rule_grades where score >= lowest order by lowest desc limit 1)
    end;
