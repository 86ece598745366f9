-- Each unit-year's self-evaluation report as documents.csv names it (the first by code if it names two).
with

reports as (
    select unit_code, year, min(document_code) as document_code
    from documents
    where kind = '自评报告'
    group by unit_code, year
),

final as (
    select r.unit_code, r.year, r.document_code, d.title
    from reports as r
    join documents as d using (document_code)
    order by r.unit_code, r.year
)

select * from final
