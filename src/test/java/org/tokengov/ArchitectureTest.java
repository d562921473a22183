package org.tokengov;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the package graph as it is: one package per capability, no cycles between them, the ports and shared support
 * at the bottom (they import no process package), the processes beneath the web and operations edges, and the REDCap
 * simulator imported by nobody (the app reaches it only over HTTP and REDCap's schema, as it reaches a real REDCap).
 */
class ArchitectureTest {

    /** Ports (our verbs for REDCap, people, the registry, the audit trail, the ledger, mail) and shared support. */
    static final String[] BOTTOM = {"org.tokengov.audit..", "org.tokengov.identity..", "org.tokengov.policy..", "org.tokengov.redcap..", "org.tokengov.redcaplog..", "org.tokengov.registry..", "org.tokengov.ledger..",
            "org.tokengov.notification..", "org.tokengov.usertask..", "org.tokengov.input..", "org.tokengov.clusterlock..", "org.tokengov.usage.."};
    static final String[] PROCESSES = {"org.tokengov.request..", "org.tokengov.issuance..", "org.tokengov.lifecycle..", "org.tokengov.inactivity..", "org.tokengov.attestation..",
            "org.tokengov.offboarding..", "org.tokengov.sponsorship..", "org.tokengov.accessreview..", "org.tokengov.reconciliation..", "org.tokengov.requestbutton..",
            "org.tokengov.controlcenter..", "org.tokengov.succession..", "org.tokengov.fairuse..", "org.tokengov.leaks..",
            "org.tokengov.tokenreport.."};
    static final String[] EDGES = {"org.tokengov.web..", "org.tokengov.dashboard..", "org.tokengov.monitoring..", "org.tokengov.tasklist..", "org.tokengov.demo..", "org.tokengov.upgrade..", "org.tokengov.engineaccess..",
            "org.tokengov.requeststate..", "org.tokengov.budgetwait.."};

    static JavaClasses app;

    @BeforeAll
    static void importTheApp() {
        app = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.tokengov");
    }

    @Test
    void capabilitiesDoNotDependOnEachOtherInCycles() {
        slices().matching("org.tokengov.(*)..").should().beFreeOfCycles().check(app);
    }

    @Test
    void portsAndSupportSitAtTheBottom() {
        noClasses().that().resideInAnyPackage(BOTTOM).should().dependOnClassesThat().resideInAnyPackage(PROCESSES)
                .check(app);
        noClasses().that().resideInAnyPackage(BOTTOM).should().dependOnClassesThat().resideInAnyPackage(EDGES)
                .check(app);
    }

    @Test
    void processesDoNotDependOnTheWebOrOperationsEdges() {
        noClasses().that().resideInAnyPackage(PROCESSES).should().dependOnClassesThat().resideInAnyPackage(EDGES)
                .check(app);
    }

    @Test
    void theRedcapSimulatorIsImportedByNobodyAndImportsNothingOfTheApp() {
        noClasses().that().resideOutsideOfPackage("org.tokengov.redcapsim..").should().dependOnClassesThat()
                .resideInAPackage("org.tokengov.redcapsim..").check(app);
        noClasses().that().resideInAPackage("org.tokengov.redcapsim..").should().dependOnClassesThat()
                .resideInAnyPackage(concat(BOTTOM, PROCESSES, EDGES)).check(app);
    }

    @Test
    void everyCapabilitySaysWhatItOwns() {
        Set<String> capabilities = new TreeSet<>();
        Set<String> described = new TreeSet<>();
        app.stream().filter(type -> type.getPackageName().split("\\.").length == 3).forEach(type -> {
            capabilities.add(type.getPackageName());
            if (type.getSimpleName().equals("package-info")) {
                described.add(type.getPackageName());
            }
        });
        assertThat(described).containsExactlyElementsOf(capabilities);
    }

    private static String[] concat(String[]... groups) {
        return Arrays.stream(groups).flatMap(Arrays::stream).toArray(String[]::new);
    }
}
