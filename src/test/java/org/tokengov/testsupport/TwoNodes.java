package org.tokengov.testsupport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.tokengov.TokenGovernanceApplication;

/**
 * Two replicas of the app in this JVM, as Kubernetes runs them: each its own Spring context on a port of its own, both
 * with the job executor on, on one PostgreSQL database and one REDCap (the simulator runs in the first node, on two
 * MariaDB schemas; both nodes call its API and write its schema, as two replicas reach one real REDCap). Demo people
 * are seeded by the first node only, as the embedded default's seeder is not meant for replicas. Close it to stop both.
 */
public final class TwoNodes implements AutoCloseable {

    private final String engineDatabase = TestDatabases.newPostgresDatabase("twonodes");
    private final String qaDatabase = TestDatabases.newMariaDbDatabase("redcap_qa");
    private final String prodDatabase = TestDatabases.newMariaDbDatabase("redcap_prod");
    private final int firstPort = RealServers.freePort();
    private final List<String> extraProperties;
    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();
    private final Map<Integer, List<String>> nodeProperties = new HashMap<>();
    private final Map<Integer, Consumer<ConfigurableApplicationContext>> nodeSetups = new HashMap<>();
    private String[] profiles = {};

    /** Properties ({@code name=value}) both nodes get on top of {@link RealServers}'. */
    public TwoNodes(String... extraProperties) {
        this.extraProperties = List.of(extraProperties);
    }

    /** Both nodes with these profiles instead of the default ({@code embedded} alone). */
    public TwoNodes withProfiles(String... profiles) {
        this.profiles = profiles.clone();
        return this;
    }

    /**
     * Properties and a setup (such as beans of its own) of one node only, as two releases of the app differ: applied
     * after the properties both nodes get.
     */
    public TwoNodes onNode(int index, Consumer<ConfigurableApplicationContext> setup, String... properties) {
        nodeSetups.put(index, setup);
        nodeProperties.put(index, List.of(properties));
        return this;
    }

    /**
     * Starts one node alone (node 0 hosts the REDCap simulator, which the other reaches only once node 0 runs); {@link
     * #node} then finds it by its index.
     */
    public TwoNodes startNode(int index) {
        while (nodes.size() <= index) {
            nodes.add(null);
        }
        nodes.set(index, start(index));
        return this;
    }

    /** Stops one node, as a replica is stopped (the other keeps running). */
    public void stopNode(int index) {
        nodes.get(index).close();
    }

    /** The PostgreSQL database both nodes share (JDBC URL). */
    public String engineDatabase() {
        return engineDatabase;
    }

    /** Starts both nodes one after the other (the first seeds REDCap's schema and the demo people). */
    public TwoNodes startOneAfterTheOther() {
        nodes.add(start(0));
        nodes.add(start(1));
        return this;
    }

    /**
     * Starts both nodes at the same time, as two replicas of a new installation start: the second begins once the first
     * is prepared (before any database work), as two contexts in one JVM must not set up the shared logging at once.
     */
    public TwoNodes startTogether() {
        CountDownLatch firstPrepared = new CountDownLatch(1);
        CompletableFuture<ConfigurableApplicationContext> first = CompletableFuture.supplyAsync(() -> start(0,
                event -> {
                    if (event instanceof ApplicationPreparedEvent || event instanceof ApplicationFailedEvent) {
                        firstPrepared.countDown();
                    }
                }));
        CompletableFuture<ConfigurableApplicationContext> second = CompletableFuture.supplyAsync(() -> {
            try {
                firstPrepared.await(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return start(1);
        });
        CompletableFuture.allOf(first, second).handle((ignored, failure) -> null).join();
        first.thenAccept(nodes::add).exceptionally(failure -> null).join();
        second.thenAccept(nodes::add).exceptionally(failure -> null).join();
        if (nodes.size() < 2) {
            close();
            first.join();
            second.join();
        }
        return this;
    }

    /** Node 0 or 1. */
    public ConfigurableApplicationContext node(int index) {
        return nodes.get(index);
    }

    private ConfigurableApplicationContext start(int index) {
        return start(index, event -> { });
    }

    private ConfigurableApplicationContext start(int index, ApplicationListener<ApplicationEvent> listener) {
        return new SpringApplicationBuilder(TokenGovernanceApplication.class).profiles(profiles)
                .initializers(new Node(index)).listeners(listener).run();
    }

    @Override
    public void close() {
        for (ConfigurableApplicationContext node : nodes) {
            if (node != null) {
                node.close();
            }
        }
        nodes.clear();
    }

    /** One node's settings: RealServers' on the shared databases, REDCap's API at the first node's simulator. */
    private final class Node extends RealServers {

        private final int index;

        Node(int index) {
            this.index = index;
        }

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            super.initialize(context);
            String simulator = "http://127.0.0.1:" + firstPort + "/redcap-sim/";
            List<String> properties = new ArrayList<>(List.of(
                    "camunda.bpm.job-execution.enabled=true",
                    // Job logs name the node that ran the job (by default both would name this machine).
                    "camunda.bpm.generic-properties.properties.hostname=node-" + index,
                    "spring.datasource.hikari.maximum-pool-size=12",
                    "tokengov.redcap.environments.qa.api-url=" + simulator + "qa/api/",
                    "tokengov.redcap.environments.prod.api-url=" + simulator + "prod/api/"));
            if (index == 0) {
                properties.add("server.port=" + firstPort);
            } else {
                properties.addAll(List.of("redcap-sim.enabled=false", "tokengov.demo.enabled=false"));
            }
            properties.addAll(extraProperties);
            properties.addAll(nodeProperties.getOrDefault(index, List.of()));
            TestPropertyValues.of(properties).applyTo(context);
            nodeSetups.getOrDefault(index, ignored -> { }).accept(context);
        }

        @Override
        protected String engineDatabase() {
            return engineDatabase;
        }

        @Override
        protected String redcapDatabase(String prefix) {
            return prefix.contains("qa") ? qaDatabase : prodDatabase;
        }
    }
}
