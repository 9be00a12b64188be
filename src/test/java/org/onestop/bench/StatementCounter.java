package org.onestop.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts what the application sends to the database, for the benchmarks only: every statement executed (a batched
 * statement counts once per row it carries), the round trips (an executeBatch counts once) and the commits, by the
 * statement's first word and table, and logs them in order. It wraps the application's {@link DataSource} as a bean
 * post-processor and counts only inside {@link #counting}; nothing else changes.
 */
final class StatementCounter implements BeanPostProcessor {

    private static final Map<String, LongAdder> STATEMENTS = new ConcurrentHashMap<>();
    private static final LongAdder ROUND_TRIPS = new LongAdder();
    private static final LongAdder COMMITS = new LongAdder();
    /** Off outside {@link #counting}, so that the timed runs pay next to nothing for the wrapper. */
    private static volatile boolean enabled;

    private static final List<String> LOG = Collections.synchronizedList(new ArrayList<>());

    /** What the work sent: totals, by statement kind, and the statements in order (the first thousand). */
    record Counts(long statements, long roundTrips, long commits, Map<String, Long> byKind, List<String> log) {
    }

    /** Counts what the given work sends; counting stops when it returns. */
    static Counts counting(Work work) throws Exception {
        STATEMENTS.clear();
        ROUND_TRIPS.reset();
        COMMITS.reset();
        LOG.clear();
        enabled = true;
        try {
            work.run();
        } finally {
            enabled = false;
        }
        return counts();
    }

    /** What {@link #counting} runs. */
    @FunctionalInterface
    interface Work {
        void run() throws Exception;
    }

    private static Counts counts() {
        Map<String, Long> byKind = new TreeMap<>();
        STATEMENTS.forEach((kind, n) -> byKind.put(kind, n.sum()));
        return new Counts(byKind.values().stream().mapToLong(Long::longValue).sum(), ROUND_TRIPS.sum(), COMMITS.sum(), byKind,
                List.copyOf(LOG));
    }

    private static void log(String what) {
        if (LOG.size() < 1000) {
            LOG.add(Thread.currentThread().getName() + "  " + (what.length() > 160 ? what.substring(0, 160) + "…" : what));
        }
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource) {
            return proxy(DataSource.class, dataSource, (method, args) -> method.getName().equals("getConnection")
                    ? connection((Connection) method.invoke(dataSource, args)) : method.invoke(dataSource, args));
        }
        return bean;
    }

    private static Connection connection(Connection connection) {
        return proxy(Connection.class, connection, (method, args) -> {
            Object result = method.invoke(connection, args);
            if (!enabled) {
                return result;
            }
            if (method.getName().equals("commit")) {
                COMMITS.increment();
                log("COMMIT");
                ROUND_TRIPS.increment();
            } else if (result instanceof Statement statement) {
                String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : null;
                return statement(statement, sql);
            }
            return result;
        });
    }

    private static Statement statement(Statement statement, String preparedSql) {
        @SuppressWarnings("unchecked")
        Class<Statement> type = (Class<Statement>) (statement instanceof java.sql.CallableStatement ? java.sql.CallableStatement.class
                : statement instanceof java.sql.PreparedStatement ? java.sql.PreparedStatement.class : Statement.class);
        return proxy(type, statement, (method, args) -> {
            if (!enabled) {
                return method.invoke(statement, args);
            }
            String name = method.getName();
            String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : preparedSql;
            if (name.equals("addBatch")) {
                count(sql);
            } else if (name.equals("executeBatch") || name.equals("executeLargeBatch")) {
                ROUND_TRIPS.increment();
            } else if (name.startsWith("execute")) {
                count(sql);
                ROUND_TRIPS.increment();
            }
            return method.invoke(statement, args);
        });
    }

    private static void count(String sql) {
        log(sql == null ? "?" : sql.replaceAll("\\s+", " "));
        STATEMENTS.computeIfAbsent(kind(sql), k -> new LongAdder()).increment();
    }

    /** "insert ACT_RU_VARIABLE", "select service_request", ... */
    static String kind(String sql) {
        if (sql == null) {
            return "?";
        }
        String[] words = sql.trim().replaceAll("\\s+", " ").split(" ");
        String verb = words[0].toLowerCase(Locale.ROOT);
        String table = "?";
        if (verb.equals("update") && words.length > 1) {
            table = words[1];
        } else {
            String keyword = verb.equals("insert") ? "into" : "from";
            for (int i = 1; i < words.length - 1; i++) {
                if (words[i].equalsIgnoreCase(keyword)) {
                    table = words[i + 1];
                    break;
                }
            }
        }
        return verb + " " + table.replaceAll("[`\"(]", "");
    }

    @FunctionalInterface
    private interface Handler {
        Object handle(Method method, Object[] args) throws Throwable;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, Handler handler) {
        InvocationHandler invocation = (proxy, method, args) -> {
            try {
                return handler.handle(method, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (T) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type}, invocation);
    }
}
