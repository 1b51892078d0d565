"""Directory counts kept in step with organisations, so the map, the figures and the directory's
totals read a few rows instead of counting every active organisation on each request.

`directory_counts` holds how many active organisations there are in all ('all', 'active') and by
country, region ('(none)' when unset), category, cluster and value chain. A trigger changes it in
the same transaction as the organisation row (an approval, a suspension, a reinstatement, a
departure, a profile change of its region or value chains; also rows inserted or deleted in SQL),
touching only the keys whose count moves, in key order (no deadlock between two changes).

Revision ID: 0005
"""

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("""
    CREATE TABLE directory_counts (
        dimension text    NOT NULL,
        key       text    NOT NULL,
        n         integer NOT NULL,
        PRIMARY KEY (dimension, key)
    );

    -- The keys one organisation counts under while it is active; a value chain counts once.
    -- (PL/pgSQL, not SQL: an inlined SQL function over a whole row trips a planner error in 15.)
    CREATE FUNCTION directory_keys(o organisations) RETURNS TABLE (dimension text, key text)
    LANGUAGE plpgsql STABLE AS $$
    BEGIN
        RETURN QUERY
            SELECT 'all'::text, 'active'::text
            UNION ALL SELECT 'country', o.country::text
            UNION ALL SELECT 'region', coalesce(o.region, '(none)')
            UNION ALL SELECT 'category', o.category
            UNION ALL SELECT 'cluster', o.cluster_id::text
            UNION ALL SELECT DISTINCT 'value_chain', chain FROM unnest(o.value_chains) AS chain;
    END $$;

    CREATE FUNCTION directory_counts_follow() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        INSERT INTO directory_counts AS c (dimension, key, n)
        SELECT d.dimension, d.key, sum(d.delta)
        FROM (
            SELECT k.dimension, k.key, -1 AS delta FROM directory_keys(OLD) AS k
            WHERE TG_OP <> 'INSERT' AND OLD.status = 'active'
            UNION ALL
            SELECT k.dimension, k.key, 1 FROM directory_keys(NEW) AS k
            WHERE TG_OP <> 'DELETE' AND NEW.status = 'active'
        ) AS d
        GROUP BY d.dimension, d.key
        HAVING sum(d.delta) <> 0
        ORDER BY d.dimension, d.key
        ON CONFLICT (dimension, key) DO UPDATE SET n = c.n + EXCLUDED.n;
        RETURN NULL;
    END $$;

    CREATE FUNCTION directory_counts_reset() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        DELETE FROM directory_counts;
        RETURN NULL;
    END $$;

    CREATE TRIGGER directory_counts_on_insert AFTER INSERT ON organisations
        FOR EACH ROW WHEN (NEW.status = 'active') EXECUTE FUNCTION directory_counts_follow();
    CREATE TRIGGER directory_counts_on_update
        AFTER UPDATE OF status, country, region, category, cluster_id, value_chains ON organisations
        FOR EACH ROW WHEN (
            (OLD.status = 'active' OR NEW.status = 'active')
            AND (OLD.status, OLD.country, OLD.region, OLD.category, OLD.cluster_id, OLD.value_chains)
                IS DISTINCT FROM
                (NEW.status, NEW.country, NEW.region, NEW.category, NEW.cluster_id, NEW.value_chains)
        ) EXECUTE FUNCTION directory_counts_follow();
    CREATE TRIGGER directory_counts_on_delete AFTER DELETE ON organisations
        FOR EACH ROW WHEN (OLD.status = 'active') EXECUTE FUNCTION directory_counts_follow();
    CREATE TRIGGER directory_counts_on_truncate AFTER TRUNCATE ON organisations
        FOR EACH STATEMENT EXECUTE FUNCTION directory_counts_reset();

    INSERT INTO directory_counts (dimension, key, n)
    SELECT k.dimension, k.key, count(*)
    FROM organisations AS o, directory_keys(o) AS k
    WHERE o.status = 'active'
    GROUP BY k.dimension, k.key;
    """)


def downgrade() -> None:
    op.execute("""
    DROP TRIGGER IF EXISTS directory_counts_on_truncate ON organisations;
    DROP TRIGGER IF EXISTS directory_counts_on_delete ON organisations;
    DROP TRIGGER IF EXISTS directory_counts_on_update ON organisations;
    DROP TRIGGER IF EXISTS directory_counts_on_insert ON organisations;
    DROP FUNCTION IF EXISTS directory_counts_reset();
    DROP FUNCTION IF EXISTS directory_counts_follow();
    DROP FUNCTION IF EXISTS directory_keys(organisations);
    DROP TABLE IF EXISTS directory_counts;
    """)
