package org.tokengov.redcapsim;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One simulated REDCap server on its own database. The connection pool belongs to this object and is
 * deliberately not a Spring bean: a DataSource bean would replace the application's own.
 */
final class RedcapServer implements AutoCloseable {

    /** REDCap's column names {@code user} and {@code value} are keywords to H2 unless it is told otherwise. */
    private static final String H2_NAMES_AS_REDCAP_HAS_THEM = "SET NON_KEYWORDS USER, VALUE";

    private final String name;
    private final HikariDataSource dataSource;
    private final TransactionTemplate transactions;
    private final OutageSwitch outage = new OutageSwitch();
    private final ApiTokens tokens;
    private final Projects projects;
    private final RedcapUsers users;
    private final ProjectUsers projectUsers;
    private final UserRoles roles;
    private final LogEvents log;
    private final LogViews logViews;
    private final RedcapConfig config;
    private final TodoList todoList;
    private final DataDictionary dictionary;
    private final Records records;
    private final RateLimiter rateLimiter;

    private RedcapServer(String name, HikariDataSource dataSource, SimulatorClock clock) {
        this.name = name;
        this.dataSource = dataSource;
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        this.tokens = new ApiTokens(jdbc);
        this.projects = new Projects(jdbc);
        this.users = new RedcapUsers(jdbc);
        this.projectUsers = new ProjectUsers(jdbc);
        this.roles = new UserRoles(jdbc);
        this.log = new LogEvents(jdbc, clock, projects);
        this.logViews = new LogViews(jdbc, clock, tokens);
        this.config = new RedcapConfig(jdbc);
        this.todoList = new TodoList(jdbc);
        this.dictionary = new DataDictionary(jdbc);
        this.records = new Records(jdbc);
        this.rateLimiter = new RateLimiter(name, jdbc, config, clock);
    }

    /** Connects, creates the schema where missing, and seeds what the settings ask for. */
    static RedcapServer start(String name, RedcapSimProperties.Environment settings, SimulatorClock clock) {
        HikariDataSource dataSource = connect(name, settings);
        try {
            RedcapSchema.createIfAbsent(dataSource);
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            RedcapConfig config = new RedcapConfig(jdbc);
            config.addDefaultsIfMissing();
            if (settings.pageHitThresholdPerMinute() != null) {
                config.set(RedcapConfig.PAGE_HIT_THRESHOLD_PER_MINUTE, settings.pageHitThresholdPerMinute().toString());
            }
            if (settings.seedDemoData()) {
                new DemoData(jdbc).seed(name);
            }
            new StewardAccess(jdbc, name).grant(settings.stewardTokens());
            return new RedcapServer(name, dataSource, clock);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    private static HikariDataSource connect(String name, RedcapSimProperties.Environment settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("redcap-sim-" + name);
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.username());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(1);
        config.setIdleTimeout(30_000);
        if (settings.jdbcUrl().startsWith("jdbc:h2:")) {
            config.setConnectionInitSql(H2_NAMES_AS_REDCAP_HAS_THEM);
        }
        return new HikariDataSource(config);
    }

    String name() {
        return name;
    }

    OutageSwitch outage() {
        return outage;
    }

    ApiTokens tokens() {
        return tokens;
    }

    Projects projects() {
        return projects;
    }

    RedcapUsers users() {
        return users;
    }

    ProjectUsers projectUsers() {
        return projectUsers;
    }

    UserRoles roles() {
        return roles;
    }

    LogEvents log() {
        return log;
    }

    LogViews logViews() {
        return logViews;
    }

    RedcapConfig config() {
        return config;
    }

    TodoList todoList() {
        return todoList;
    }

    DataDictionary dictionary() {
        return dictionary;
    }

    Records records() {
        return records;
    }

    RateLimiter rateLimiter() {
        return rateLimiter;
    }

    <T> T inTransaction(Supplier<T> work) {
        return transactions.execute(status -> work.get());
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
