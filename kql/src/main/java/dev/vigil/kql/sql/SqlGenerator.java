package dev.vigil.kql.sql;

import dev.vigil.kql.plan.Aggregate;
import dev.vigil.kql.plan.Filter;
import dev.vigil.kql.plan.Limit;
import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.plan.Project;
import dev.vigil.kql.plan.Sort;
import dev.vigil.kql.plan.TableScan;
import dev.vigil.kql.plan.TopN;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a logical plan as one DuckDB statement with one CTE per pipe stage. The CTEs are each used
 * once, so DuckDB inlines them and optimizes the query as a whole (filters reach the scan).
 */
public final class SqlGenerator {
    private final ExpressionSql expressions;
    private final List<String> stages = new ArrayList<>();

    private SqlGenerator(Instant now) {
        this.expressions = new ExpressionSql(now);
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
            sql.append(stageName(i)).append(" AS (").append(generator.stages.get(i)).append(')');
        }
        return sql.append("\nSELECT * FROM ").append(last).toString();
    }

    /** Adds the stages producing {@code operator} and returns the name of the last. */
    private String stage(LogicalOperator operator) {
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
        } else {
            throw new IllegalStateException("no SQL for " + operator.getClass().getSimpleName());
        }
        stages.add(select);
        return stageName(stages.size() - 1);
    }

    private static String stageName(int index) {
        return "__stage" + index;
    }
}
