package org.tokengov.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tokengov.lifecycle.TokenLifecycleVariables;
import org.tokengov.lifecycle.TokenLifecycles;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.redcap.TokenRights;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.NewIssuedToken;
import org.tokengov.registry.TokenRegistry;
import org.tokengov.testsupport.RealServers;
import org.tokengov.testsupport.ResidentMemory;

/**
 * Benchmark, not a test (skipped by {@code ./mvnw verify}). Bulk enrolment: {@code -Dbench.tokens} live tokens
 * (default 10,000) get their {@code TokenLifecycleProcess} on a fresh PostgreSQL database, twice over: one after
 * another from one thread, and as the app enrols them at onboarding, where each adoption is a job: in a transaction
 * each, on as many threads as the job executor's core pool ({@code -Dbench.threads}, default 8).
 *
 * <pre>./mvnw -o test -Dtest=LifecycleEnrolmentBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = RealServers.class)
class LifecycleEnrolmentBenchmark {

    static final int TOKENS = Integer.getInteger("bench.tokens", 10_000);
    static final int THREADS = Integer.getInteger("bench.threads", 8);

    @Autowired TokenRegistry registry;
    @Autowired TokenLifecycles lifecycles;
    @Autowired RuntimeService runtime;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void enrolTenThousandLifecycles() throws Exception {
        List<IssuedToken> oneByOne = record("seq", TOKENS);
        List<IssuedToken> asJobs = record("par", TOKENS);

        long start = System.nanoTime();
        for (IssuedToken token : oneByOne) {
            lifecycles.enrol(token);
        }
        double sequential = (System.nanoTime() - start) / 1e9;

        TransactionTemplate eachInItsTransaction = new TransactionTemplate(transactions);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (IssuedToken token : asJobs) {
            done.add(pool.submit(() -> eachInItsTransaction.executeWithoutResult(status -> lifecycles.enrol(token))));
        }
        for (Future<?> future : done) {
            future.get();
        }
        double parallel = (System.nanoTime() - start) / 1e9;
        pool.shutdown();

        long enrolled = runtime.createProcessInstanceQuery().processDefinitionKey(TokenLifecycleVariables.PROCESS).count();
        System.out.printf("%n=== LifecycleEnrolmentBenchmark (%d tokens each way, PostgreSQL) ===%n", TOKENS);
        System.out.printf("one after another, one thread: %.1f s (%.2f ms each)%n", sequential, sequential * 1000 / TOKENS);
        System.out.printf("a transaction each on %d threads, as the job executor enrols them: %.1f s (%.0f a second)%n",
                THREADS, parallel, TOKENS / parallel);
        System.out.println(ResidentMemory.summary() + " (this JVM: the node and the simulator)");
        assertThat(enrolled).isEqualTo(2L * TOKENS);
    }

    private List<IssuedToken> record(String prefix, int count) {
        List<IssuedToken> tokens = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            tokens.add(registry.recordIssued(new NewIssuedToken("bench-request-" + prefix + i,
                    String.format("%s%05d", prefix, i), RedcapEnvironment.QA, 201, new TokenRights(true, false, false),
                    null)));
        }
        return tokens;
    }
}
