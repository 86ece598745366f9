-- 评价等级 (docs/architecture.md, Domain rules): >= 90 优, [80, 90) 良, [60, 80) 中, < 60 差.
create or replace macro grade(score) as
    case
        when score is null then null
        when score >= 90 then '优'
        when score >= 80 then '良'
        when score >= 60 then '中'
        else '差'
    end;
