package org.tokengov.engineaccess;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.db.ListQueryParameterObject;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.junit.jupiter.api.Test;

/**
 * Every command of Camunda 7.24's engine was looked at: refused to people other than administrators, checked, or
 * reviewed as harmless (it reads, or only the engine's own machinery runs it). A Camunda upgrade that brings a new
 * command fails here until someone decides about it.
 */
class EngineCommandsClassifiedTest {

    /** Commands that change nothing a person could abuse, or that only the engine itself runs, without a person. */
    private static final Set<String> REVIEWED_HARMLESS = Set.of(
            "cmd.AuthorizationCheckCmd", "cmd.CheckPassword", "cmd.CreateFilterCmd", "cmd.CreateAuthorizationCommand",
            "dmn.cmd.EvaluateDecisionCmd", "dmn.cmd.EvaluateDecisionTableCmd",
            // the engine's own start-up, job execution and metrics machinery
            "BootstrapEngineCommand", "HistoryLevelSetupCommand", "SchemaOperationProcessEngineClose",
            "SchemaOperationsProcessEngineBuild", "db.DbSchemaPrune$1", "db.DbSchemaExecuteFile$1", "db.DbSchemaDrop$1",
            "jobexecutor.FailedJobListener", "jobexecutor.FailedJobListener$FailedJobListenerCmd", "jobexecutor.SuccessfulJobListener",
            "jobexecutor.RepeatingFailedJobListener$CreateNewTimerJobCommand", "jobexecutor.historycleanup.HistoryCleanupSchedulerCmd",
            "jobexecutor.historycleanup.HistoryCleanupHandler$HistoryCleanupHandlerCmd",
            "metrics.reporter.DbMetricsReporter$ReportDbMetricsValueCmd", "metrics.reporter.MetricsCollectionTask$MetricsCollectionCmd",
            "persistence.deploy.DeploymentFailListener$DeleteDeploymentListenerCmd",
            "persistence.deploy.DeleteDeploymentFailListener$DeleteDeploymentFailCmd",
            // Java API only, and only for someone who holds a JDBC connection to the engine's database already
            "ManagementServiceImpl$DbSchemaUpgradeCmd");

    @Test
    void everyEngineCommandIsRefusedCheckedOrReviewed() throws Exception {
        List<String> unreviewed = new ArrayList<>();
        List<Class<?>> commands = engineCommands();
        for (Class<?> command : commands) {
            String name = command.getName().substring("org.camunda.bpm.engine.impl.".length());
            boolean decided = CommandRules.refusedOutright(command).isPresent() || CommandRules.checked(command)
                    || reads(command, name) || REVIEWED_HARMLESS.contains(name);
            if (!decided) {
                unreviewed.add(name);
            }
        }
        assertThat(commands).as("the engine's commands were found").hasSizeGreaterThan(300);
        assertThat(unreviewed).as("commands nobody decided about").isEmpty();
    }

    /** Queries, and commands named for reading (Get…, Find…, Is…, Execute…Filter…, Optimize…, …QueryCmd). */
    private static boolean reads(Class<?> command, String name) {
        String simple = name.substring(name.lastIndexOf('.') + 1);
        return AbstractQuery.class.isAssignableFrom(command) || ListQueryParameterObject.class.isAssignableFrom(command)
                || simple.matches("(Get|Find|Is|Determine|ExecuteFilter|Optimize|Create\\w*Query)\\w*")
                || simple.matches("\\w+\\$(Get|\\w*Count|\\w*Duration|\\w*Report|MetricsQuery)\\w*")
                || simple.startsWith("Native") || simple.endsWith("QueryImpl");
    }

    private static List<Class<?>> engineCommands() throws IOException, URISyntaxException {
        Path jar = Path.of(Command.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> commands = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (var entry : Collections.list(file.entries())) {
                String path = entry.getName();
                if (!path.startsWith("org/camunda/bpm/engine/impl/") || !path.endsWith(".class") || path.contains("/impl/test/")) {
                    continue;
                }
                Class<?> type;
                try {
                    type = Class.forName(path.replace('/', '.').replace(".class", ""), false, Command.class.getClassLoader());
                } catch (ClassNotFoundException | LinkageError optionalDependency) {
                    continue;
                }
                if (Command.class.isAssignableFrom(type) && !type.isInterface() && !Modifier.isAbstract(type.getModifiers())) {
                    commands.add(type);
                }
            }
        }
        return commands;
    }
}
