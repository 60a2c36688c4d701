package dev.vigil.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import dev.vigil.workspace.duckdb.DuckDbStorage;
import java.util.List;

/**
 * The module arrows of the design (shared DESIGN.md, "Modules") and the house rules that go with
 * them, checked on the classes every module ships (tests are left out: they may open the real
 * store directly). A dependency against an arrow fails the build here.
 */
@AnalyzeClasses(packages = "dev.vigil", importOptions = ImportOption.DoNotIncludeTests.class)
class TestModuleArrows {

    /** Whatever the build hands over (class folders or jars), the rules below must see every module, or they would pass on nothing. */
    @ArchTest
    static void testTheClassesOfEveryModuleAreChecked(JavaClasses classes) {
        assertThat(List.of("dev.vigil.kql", "dev.vigil.workspace.api", "dev.vigil.workspace.duckdb", "dev.vigil.iot.registry", "dev.vigil.soc.rule",
                "dev.vigil.server", "dev.vigil.bench"))
                .allSatisfy(module -> assertThat(classes.containPackage(module)).as("classes of %s are imported", module).isTrue());
    }

    /**
     * The "may depend on" column of the design's module table: kql on nothing of ours, workspace on
     * kql, iot on workspace, soc on workspace, iot and kql, server on all. The benchmarks may measure
     * anything, and nothing depends on them.
     */
    @ArchTest
    static void testModulesDependOnlyAlongTheArrowsOfTheDesign(JavaClasses classes) {
        layeredArchitecture()
                .consideringOnlyDependenciesInAnyPackage("dev.vigil..")
                .ensureAllClassesAreContainedInArchitecture()
                .layer("kql").definedBy("dev.vigil.kql..")
                .layer("workspace").definedBy("dev.vigil.workspace..")
                .layer("iot").definedBy("dev.vigil.iot..")
                .layer("soc").definedBy("dev.vigil.soc..")
                .layer("server").definedBy("dev.vigil.server..")
                .layer("bench").definedBy("dev.vigil.bench..")
                .whereLayer("kql").mayNotAccessAnyLayer()
                .whereLayer("workspace").mayOnlyAccessLayers("kql")
                .whereLayer("iot").mayOnlyAccessLayers("workspace")
                .whereLayer("soc").mayOnlyAccessLayers("workspace", "iot", "kql")
                .whereLayer("server").mayOnlyAccessLayers("kql", "workspace", "iot", "soc")
                .whereLayer("bench").mayNotBeAccessedByAnyLayer()
                .check(classes);
    }

    @ArchTest
    static void testOnlyTheWorkspacesDuckDbStoreUsesDuckDbTypes(JavaClasses classes) {
        noClasses().that().resideOutsideOfPackage("dev.vigil.workspace.duckdb..")
                .should().dependOnClassesThat().resideInAPackage("org.duckdb..")
                .because("DuckDB stays behind the workspace's LogStore and StateStore seam, so that another engine can take its place")
                .check(classes);
    }

    /** The benchmarks run hand-written SQL on DuckDB as the baseline that KQL is measured against. */
    @ArchTest
    static void testOnlyTheDuckDbStoreAndTheBenchmarksUseJdbc(JavaClasses classes) {
        noClasses().that().resideOutsideOfPackages("dev.vigil.workspace.duckdb..", "dev.vigil.bench..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
                .because("SQL runs only in the DuckDB store; other modules query the workspace with KQL")
                .check(classes);
    }

    /**
     * iot and soc see the workspace's API package alone; the server also opens the DuckDB store
     * through its one public class, since wiring the engine is its job. The benchmarks, which
     * measure the workspace's parts, are left out.
     */
    @ArchTest
    static void testOtherModulesUseTheWorkspaceThroughItsApiPackage(JavaClasses classes) {
        noClasses().that().resideInAnyPackage("dev.vigil.iot..", "dev.vigil.soc..", "dev.vigil.server..")
                .should().dependOnClassesThat(resideInAPackage("dev.vigil.workspace..")
                        .and(not(resideInAPackage("dev.vigil.workspace.api..")))
                        .and(not(type(DuckDbStorage.class))))
                .check(classes);
        noClasses().that().resideInAnyPackage("dev.vigil.iot..", "dev.vigil.soc..")
                .should().dependOnClassesThat(type(DuckDbStorage.class))
                .because("only the server chooses the engine behind the workspace API")
                .check(classes);
    }

    /** Outside the workspace (which turns compilations into queries) KQL is its facade, schemas, types and diagnostics. */
    @ArchTest
    static void testSocAndServerUseKqlThroughItsFacadeSchemasTypesAndDiagnostics(JavaClasses classes) {
        noClasses().that().resideInAnyPackage("dev.vigil.soc..", "dev.vigil.server..")
                .should().dependOnClassesThat(resideInAPackage("dev.vigil.kql..")
                        .and(not(resideInAnyPackage("dev.vigil.kql", "dev.vigil.kql.catalog..", "dev.vigil.kql.types..", "dev.vigil.kql.diagnostics.."))))
                .check(classes);
    }

    /**
     * The alert feed, device actions and registry, the address values (IP ranges) that playbooks'
     * allow-lists share, and direct methods with the device address naming their target (the
     * playbook step {@code invokeDirectMethod}).
     */
    @ArchTest
    static void testSocUsesIotThroughItsAlertFeedDeviceActionsRegistryAndDirectMethods(JavaClasses classes) {
        noClasses().that().resideInAPackage("dev.vigil.soc..")
                .should().dependOnClassesThat(resideInAPackage("dev.vigil.iot..")
                        .and(not(resideInAnyPackage("dev.vigil.iot.alert..", "dev.vigil.iot.action..", "dev.vigil.iot.registry..", "dev.vigil.iot.network..",
                                "dev.vigil.iot.method..", "dev.vigil.iot.device"))))
                .check(classes);
    }
}
