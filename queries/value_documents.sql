-- The document each indicator value comes from: the one its document_code names, else the unit-year's own
-- self-evaluation report (documents.csv is optional; without it a value's document is its year's report).
-- from_report is false for figures from other public sources: they carry their caveat wherever shown and
-- are never compared with a report's figures (no growth rate is computed from them).
with

values_with_code as (
    select unit_code, year, indicator_code, document_code from indicator_values
),

resolved as (
    select
        v.unit_code, v.year, v.indicator_code,
        coalesce(v.document_code, r.document_code) as document_code
    from values_with_code as v
    left join unit_reports as r using (unit_code, year)
),

final as (
    select
        r.unit_code, r.year, r.indicator_code, r.document_code,
        coalesce(d.kind, '自评报告') = '自评报告' as from_report,
        d.title as document_title, d.publisher as document_publisher, d.published_on as document_date,
        d.address as document_address, d.caveat
    from resolved as r
    left join documents as d using (document_code)
    order by r.unit_code, r.year, r.indicator_code
)

select * from final
