package dev.vigil.kql.sql;

import dev.vigil.kql.plan.Aggregate;
import dev.vigil.kql.plan.GraphMatch;
import dev.vigil.kql.plan.GraphToTable;
import dev.vigil.kql.plan.ShortestPaths;
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
import dev.vigil.kql.plan.PlanVisitor;
import dev.vigil.kql.plan.RangeSource;
import dev.vigil.kql.plan.Sample;
import dev.vigil.kql.plan.Scan;
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
    private final Selects selects = new Selects();

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
        String select = operator.accept(selects);
        stages.add(select);
        materialized.add(operator instanceof Materialize);
        String name = stageName(stages.size() - 1);
        written.put(operator, name);
        return name;
    }

    private static String stageName(int index) {
        return "__stage" + index;
    }

    /** The SELECT of one operator over the stages of its inputs: one method per plan operator. */
    private final class Selects implements PlanVisitor<String> {
        @Override
        public String visit(TableScan scan) {
            return TableScanSql.select(scan);
        }

        @Override
        public String visit(Filter filter) {
            return FilterSql.select(filter, stage(filter.input()), expressions);
        }

        @Override
        public String visit(Project project) {
            return ProjectSql.select(project, stage(project.input()), expressions);
        }

        @Override
        public String visit(Limit limit) {
            return LimitSql.select(limit, stage(limit.input()));
        }

        @Override
        public String visit(Aggregate aggregate) {
            return AggregateSql.select(aggregate, stage(aggregate.input()), expressions);
        }

        @Override
        public String visit(Sort sort) {
            return SortSql.select(sort, stage(sort.input()), expressions);
        }

        @Override
        public String visit(TopN top) {
            return TopNSql.select(top, stage(top.input()), expressions);
        }

        @Override
        public String visit(Values values) {
            return ValuesSql.select(values, expressions);
        }

        @Override
        public String visit(RangeSource range) {
            return RangeSql.select(range, expressions);
        }

        @Override
        public String visit(Join join) {
            return JoinSql.select(join, stage(join.left()), stage(join.right()), expressions);
        }

        @Override
        public String visit(Union union) {
            return UnionSql.select(union, union.legs().stream().map(SqlGenerator.this::stage).toList());
        }

        @Override
        public String visit(MvExpand mvExpand) {
            return MvExpandSql.select(mvExpand, stage(mvExpand.input()), expressions);
        }

        @Override
        public String visit(Parse parse) {
            return ParseSql.select(parse, stage(parse.input()), expressions);
        }

        @Override
        public String visit(Materialize materialize) {
            return "SELECT * FROM " + stage(materialize.input());
        }

        @Override
        public String visit(Sample sample) {
            return "SELECT * FROM " + stage(sample.input()) + " USING SAMPLE " + sample.count() + " ROWS";
        }

        @Override
        public String visit(MakeSeries series) {
            return MakeSeriesSql.select(series, stage(series.input()), expressions);
        }

        @Override
        public String visit(MvApply apply) {
            return MvApplySql.select(apply, stage(apply.input()), generate(apply.subquery(), now));
        }

        @Override
        public String visit(ApplyRow row) {
            return MvApplySql.row(row);
        }

        @Override
        public String visit(TopNested top) {
            return TopNestedSql.select(top, stage(top.input()), expressions);
        }

        @Override
        public String visit(Pivot pivot) {
            return PivotSql.select(pivot, stage(pivot.input()), expressions);
        }

        @Override
        public String visit(Scan scan) {
            return ScanSql.select(scan, stage(scan.input()), expressions);
        }

        @Override
        public String visit(GraphMatch match) {
            return GraphMatchSql.select(match, SqlGenerator.this::stage, expressions);
        }

        @Override
        public String visit(ShortestPaths paths) {
            // the fewest edges per pair of path ends; with output=any one such path per pair
            String ends = "PARTITION BY " + SqlIdentifiers.quote(GraphMatch.PATH_PARTITION) + ", " + SqlIdentifiers.quote(GraphMatch.PATH_FIRST) + ", "
                    + SqlIdentifiers.quote(GraphMatch.PATH_LAST);
            String length = SqlIdentifiers.quote(GraphMatch.PATH_LENGTH);
            return "SELECT * FROM " + stage(paths.input()) + " QUALIFY " + (paths.all()
                    ? length + " = min(" + length + ") OVER (" + ends + ")"
                    : "row_number() OVER (" + ends + " ORDER BY " + length + ") = 1");
        }

        @Override
        public String visit(GraphToTable table) {
            return GraphToTableSql.select(table, SqlGenerator.this::stage);
        }
    }
}
