package dev.vigil.kql.sql;

import dev.vigil.kql.plan.Aggregate;
import dev.vigil.kql.plan.Filter;
import dev.vigil.kql.plan.Limit;
import dev.vigil.kql.plan.Pivot;
import dev.vigil.kql.plan.TopNested;
import dev.vigil.kql.plan.MvApply;
import dev.vigil.kql.plan.ApplyRow;
import dev.vigil.kql.plan.MakeSeries;
import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.plan.Project;
import dev.vigil.kql.plan.Sort;
import dev.vigil.kql.plan.TableScan;
import dev.vigil.kql.plan.TopN;
import dev.vigil.kql.plan.Join;
import dev.vigil.kql.plan.Materialize;
import dev.vigil.kql.plan.MvExpand;
import dev.vigil.kql.plan.Parse;
import dev.vigil.kql.plan.RangeSource;
import dev.vigil.kql.plan.Sample;
import dev.vigil.kql.plan.Union;
import dev.vigil.kql.plan.Values;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a logical plan as one DuckDB statement with one CTE per pipe stage. Most CTEs are used
 * once, so DuckDB inlines them and optimizes the query as a whole (filters reach the scan). A plan
 * used in several places (a {@code let} table, {@code materialize}) is written once and referenced
 * by name; {@code materialize} asks DuckDB to compute it once.
 */
public final class SqlGenerator {
    private final Instant now;
    private final ExpressionSql expressions;
    private final List<String> stages = new ArrayList<>();
    private final List<Boolean> materialized = new ArrayList<>();
    private final Map<LogicalOperator, String> written = new IdentityHashMap<>();

    private SqlGenerator(Instant now) {
        this.now = now;
        this.expressions = new ExpressionSql(now, this::stage);
    }

    /** The SQL for {@code plan}; {@code now} is the instant {@code now()} and {@code ago()} refer to. */
    public static String generate(LogicalOperator plan, Instant now) {
        SqlGenerator generator = new SqlGenerator(now);
        String last = generator.stage(plan);
        StringBuilder sql = new StringBuilder("WITH ");
        for (int i = 0; i < generator.stages.size(); i++) {
            if (i > 0) {
                sql.append(",\n     ");
            }
            sql.append(stageName(i)).append(generator.materialized.get(i) ? " AS MATERIALIZED (" : " AS (")
                    .append(generator.stages.get(i)).append(')');
        }
        return sql.append("\nSELECT * FROM ").append(last).toString();
    }

    /** Adds the stages producing {@code operator} and returns the name of the last. */
    private String stage(LogicalOperator operator) {
        String existing = written.get(operator);
        if (existing != null) {
            return existing;
        }
        String select;
        if (operator instanceof TableScan scan) {
            select = TableScanSql.select(scan);
        } else if (operator instanceof Filter filter) {
            select = FilterSql.select(filter, stage(filter.input()), expressions);
        } else if (operator instanceof Project project) {
            select = ProjectSql.select(project, stage(project.input()), expressions);
        } else if (operator instanceof Limit limit) {
            select = LimitSql.select(limit, stage(limit.input()));
        } else if (operator instanceof Aggregate aggregate) {
            select = AggregateSql.select(aggregate, stage(aggregate.input()), expressions);
        } else if (operator instanceof Sort sort) {
            select = SortSql.select(sort, stage(sort.input()), expressions);
        } else if (operator instanceof TopN top) {
            select = TopNSql.select(top, stage(top.input()), expressions);
        } else if (operator instanceof Values values) {
            select = ValuesSql.select(values, expressions);
        } else if (operator instanceof RangeSource range) {
            select = RangeSql.select(range, expressions);
        } else if (operator instanceof Join join) {
            select = JoinSql.select(join, stage(join.left()), stage(join.right()));
        } else if (operator instanceof Union union) {
            select = UnionSql.select(union, union.legs().stream().map(this::stage).toList());
        } else if (operator instanceof MvExpand mvExpand) {
            select = MvExpandSql.select(mvExpand, stage(mvExpand.input()), expressions);
        } else if (operator instanceof Parse parse) {
            select = ParseSql.select(parse, stage(parse.input()), expressions);
        } else if (operator instanceof Materialize materialize) {
            select = "SELECT * FROM " + stage(materialize.input());
        } else if (operator instanceof MvApply apply) {
            select = MvApplySql.select(apply, stage(apply.input()), generate(apply.subquery(), now));
        } else if (operator instanceof ApplyRow row) {
            select = MvApplySql.row(row);
        } else if (operator instanceof Pivot pivot) {
            select = PivotSql.select(pivot, stage(pivot.input()), expressions);
        } else if (operator instanceof TopNested top) {
            select = TopNestedSql.select(top, stage(top.input()), expressions);
        } else if (operator instanceof MakeSeries series) {
            select = MakeSeriesSql.select(series, stage(series.input()), expressions);
        } else if (operator instanceof Sample sample) {
            select = "SELECT * FROM " + stage(sample.input()) + " USING SAMPLE " + sample.count() + " ROWS";
        } else {
            throw new IllegalStateException("no SQL for " + operator.getClass().getSimpleName());
        }
        stages.add(select);
        materialized.add(operator instanceof Materialize);
        String name = stageName(stages.size() - 1);
        written.put(operator, name);
        return name;
    }

    private static String stageName(int index) {
        return "__stage" + index;
    }
}
