package dev.vigil.kql.binder;

import dev.vigil.kql.bound.BoundColumn;
import dev.vigil.kql.bound.BoundExpression;
import dev.vigil.kql.bound.BoundLiteral;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.plan.OutputColumn;
import dev.vigil.kql.plan.Scan;
import dev.vigil.kql.plan.ScanOutput;
import dev.vigil.kql.plan.ScanRule;
import dev.vigil.kql.syntax.ColumnAssignment;
import dev.vigil.kql.syntax.Expression;
import dev.vigil.kql.syntax.ScanDeclaration;
import dev.vigil.kql.syntax.ScanOperator;
import dev.vigil.kql.syntax.ScanStep;
import dev.vigil.kql.types.KqlType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code scan}: binds each step's condition and assignments twice, once over the state of the step
 * before it (a record advancing a sequence) and once over its own state (a record repeating the step,
 * or starting a sequence at the first step). In both, the record's columns are read by name, a declared
 * column by name is the value the sequence carries, and {@code Step.Column} is the entry of that step.
 * The input is numbered in its order first ({@code serialize}), since scan reads it row by row.
 */
final class ScanBinder {
    static final String ROW_NUMBER = "__scan_rownum";

    private ScanBinder() {
    }

    static LogicalOperator bind(ScanOperator scan, LogicalOperator input, Environment environment) {
        List<ColumnSchema> inputColumns = input.schema();
        Set<String> taken = new HashSet<>();
        inputColumns.forEach(c -> taken.add(c.name()));
        List<OutputColumn> declared = new ArrayList<>();
        for (ScanDeclaration declaration : scan.declarations()) {
            String name = declaration.name().name();
            if (!taken.add(name)) {
                throw new DiagnosticException(DiagnosticFacts.duplicateColumn(name), declaration.name().span());
            }
            KqlType type = Types.resolve(declaration.typeName(), declaration.typeSpan());
            BoundExpression value = declaration.defaultValue()
                    .map(d -> Conversions.to(type, ExpressionBinder.bindScalar(d, Scope.of(List.of(), environment))))
                    .orElseGet(() -> BoundLiteral.emptyOf(type));
            declared.add(new OutputColumn(name, value));
        }
        if (scan.matchId().isPresent() && !taken.add(scan.matchId().get().name())) {
            throw new DiagnosticException(DiagnosticFacts.duplicateColumn(scan.matchId().get().name()), scan.matchId().get().span());
        }
        List<ColumnSchema> entries = new ArrayList<>(inputColumns);
        declared.forEach(d -> entries.add(new ColumnSchema(d.name(), d.expression().type())));
        List<String> stepNames = new ArrayList<>();
        List<ScanRule> rules = new ArrayList<>();
        for (int k = 0; k < scan.steps().size(); k++) {
            ScanStep step = scan.steps().get(k);
            if (stepNames.contains(step.name().name())) {
                throw new DiagnosticException(DiagnosticFacts.duplicateColumn(step.name().name()), step.name().span());
            }
            stepNames.add(step.name().name());
            ScanOutput output = output(step);
            Scope stay = scope(inputColumns, entries, declared, stepNames, k, k, k, environment);
            Optional<Scope> advance = k == 0 ? Optional.empty()
                    : Optional.of(scope(inputColumns, entries, declared, stepNames, k - 1, k - 1, k, environment));
            BoundExpression stayCondition = condition(step.condition(), stay);
            Optional<BoundExpression> advanceCondition = advance.map(scope -> condition(step.condition(), scope));
            Map<String, BoundExpression> stayAssignments = new LinkedHashMap<>();
            Map<String, BoundExpression> advanceAssignments = new LinkedHashMap<>();
            for (ColumnAssignment assignment : step.assignments()) {
                String name = assignment.name().get().name();
                OutputColumn target = declared.stream().filter(d -> d.name().equals(name)).findFirst()
                        .orElseThrow(() -> new DiagnosticException(DiagnosticFacts.scanAssignsUndeclared(name), assignment.name().get().span()));
                KqlType type = target.expression().type();
                stayAssignments.put(name, assigned(assignment.expression(), type, stay));
                if (advance.isPresent()) {
                    advanceAssignments.put(name, assigned(assignment.expression(), type, advance.get()));
                }
            }
            rules.add(new ScanRule(step.name().name(), output, advanceCondition, stayCondition, advanceAssignments, stayAssignments));
        }
        LogicalOperator numbered = PluginExpansion.expand("scan", PluginExpansion.INPUT + " | serialize " + ROW_NUMBER + " = row_number()",
                input, environment, scan.span());
        return new Scan(numbered, ROW_NUMBER, entries, declared, rules, scan.matchId().map(m -> m.name()), inputColumns);
    }

    private static ScanOutput output(ScanStep step) {
        String mode = step.output().map(o -> o.name()).orElse("all");
        switch (mode) {
            case "all":
                return ScanOutput.ALL;
            case "none":
                return ScanOutput.NONE;
            case "last":
                return ScanOutput.LAST;
            default:
                throw new DiagnosticException(DiagnosticFacts.expected("all, last or none", mode), step.output().get().span());
        }
    }

    /**
     * The names a step sees: the record's columns; the declared columns as carried by entry {@code carried} of
     * state {@code state}; and {@code Step.Column} for the steps up to {@code state}'s, read from that state, with
     * the step's own name ({@code own}) read from its own state when the state is the previous step's.
     */
    private static Scope scope(List<ColumnSchema> inputColumns, List<ColumnSchema> entries, List<OutputColumn> declared,
                               List<String> stepNames, int state, int carried, int own, Environment environment) {
        Scope scope = Scope.of(inputColumns, environment);
        int declaredStart = entries.size() - declared.size();
        for (int d = 0; d < declared.size(); d++) {
            scope.define(declared.get(d).name(), column(state, carried, declaredStart + d, entries));
        }
        for (int j = 0; j <= own; j++) {
            int readState = j <= state ? state : own;
            for (int i = 0; i < entries.size(); i++) {
                scope.defineQualified(stepNames.get(j), entries.get(i).name(), column(readState, j, i, entries));
            }
        }
        return scope;
    }

    private static BoundExpression column(int state, int entry, int index, List<ColumnSchema> entries) {
        return new BoundColumn(Scan.stateColumn(state, entry, index), entries.get(index).type());
    }

    private static BoundExpression condition(Expression syntax, Scope scope) {
        BoundExpression condition = ExpressionBinder.bindScalar(syntax, scope);
        if (condition.type() != KqlType.BOOL) {
            throw new DiagnosticException(DiagnosticFacts.typeExpected(KqlType.BOOL, condition.type()), syntax.span());
        }
        return condition;
    }

    private static BoundExpression assigned(Expression syntax, KqlType type, Scope scope) {
        BoundExpression value = ExpressionBinder.bindScalar(syntax, scope);
        if (value.type() != type && !(value.type().isNumeric() && type.isNumeric()) && value.type() != KqlType.DYNAMIC) {
            throw new DiagnosticException(DiagnosticFacts.typeExpected(type, value.type()), syntax.span());
        }
        return Conversions.to(type, value);
    }
}
