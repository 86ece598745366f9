-- Items of a tree that no root reaches within $max_depth levels: their parent is missing from the tree, they
-- sit on a cycle, or their chain is too deep. The loader says which, and where (perfboard/precheck.py).
-- Reads tree_edges (scope_unit, scope_year, item, parent): one tree per scope.
with recursive
reached as (
    select scope_unit, scope_year, item, 1 as depth
    from tree_edges
    where parent is null
    union all
    select edge.scope_unit, edge.scope_year, edge.item, reached.depth + 1
    from reached
    join tree_edges as edge
      on edge.scope_unit = reached.scope_unit
     and edge.scope_year = reached.scope_year
     and edge.parent = reached.item
    where reached.depth < $max_depth
),
reached_count as (
    select count(*) as items from reached
),
edge_count as (
    select count(*) as items from tree_edges
)
select edge_count.items - reached_count.items as unreachable_items
from edge_count, reached_count
