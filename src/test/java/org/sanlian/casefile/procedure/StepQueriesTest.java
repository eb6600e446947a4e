package org.sanlian.casefile.procedure;

import org.sanlian.support.Notices;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManagerFactory;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.ibatis.cache.CacheKey;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * N+1 guard for the hot path (issue 16): a step reads the case, its facts and its documents' kinds with a fixed
 * number of statements, however long the case's 全过程记录 already is and however many process variables it
 * carries. Counted twice: our JPA statements with Hibernate's statistics, and the engine's MyBatis statements
 * (every select, insert, update and delete Camunda makes, our listeners' engine calls included) by an interceptor
 * counting those made on the test's own thread, so that the job executor and the render queue are not counted.
 * Statistics are switched on at run time, not by a property: a property of its own would start a second
 * application in the suite's JVM, and Camunda's webapps and REST API keep static state of the last one started.
 */
@DisplayName("a step's queries do not grow with the case's history (no N+1, issue 16)")
class StepQueriesTest extends CaseProcedureTestSupport {

    private static final int EXTRA_VARIABLES = 20;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    @Autowired
    ProcessEngine engine;

    @AfterEach
    void statisticsOff() {
        entityManagerFactory.unwrap(SessionFactory.class).getStatistics().setStatisticsEnabled(false);
    }

    @Test
    @DisplayName("行政处罚法 Art. 47 全过程记录: with 40 more recorded events, no step of the penalty path runs more JPA statements")
    void statementsPerStepDoNotGrowWithHistory() {
        Map<String, Long> shortHistory = statementsPerStep("步骤查询测试运输公司甲", instance -> { });
        Map<String, Long> longHistory = statementsPerStep("步骤查询测试运输公司乙", instance -> {
            for (int i = 0; i < 40; i++) {
                jdbc.update("insert into case_event (case_number, step, actor, note, occurred_at) values (?, ?, ?, ?, ?)",
                        caseNumberOf(instance), "note", "xfhandler1", "补充记录 " + i, Timestamp.from(Instant.now()));
            }
        });
        System.out.println("JPA statements per step (short history / 40 more events): " + shortHistory + " / "
                + longHistory);
        // never more with the longer history (the first case of a run may pay once for a number series' first row)
        assertThat(longHistory.keySet()).isEqualTo(shortHistory.keySet());
        shortHistory.forEach((step, statements) -> assertThat(longHistory.get(step)).as(step)
                .isLessThanOrEqualTo(statements));
    }

    @Test
    @DisplayName("行政处罚法 Art. 47 全过程记录: with 40 more recorded events and 20 more process variables, no step runs more engine statements (the process's end deletes each variable)")
    void engineStatementsPerStepDoNotGrowWithHistory() {
        EngineStatements counter = EngineStatements.installedIn(engine);
        Map<String, Long> shortHistory = engineStatementsPerStep(counter, "步骤查询测试运输公司丙", instance -> { });
        Map<String, Long> longHistory = engineStatementsPerStep(counter, "步骤查询测试运输公司丁", instance -> {
            for (int i = 0; i < 40; i++) {
                jdbc.update("insert into case_event (case_number, step, actor, note, occurred_at) values (?, ?, ?, ?, ?)",
                        caseNumberOf(instance), "note", "xfhandler1", "补充记录 " + i, Timestamp.from(Instant.now()));
            }
            for (int i = 0; i < EXTRA_VARIABLES; i++) {
                runtimeService.setVariable(instance.getId(), "extraNote" + i, "补充说明 " + i);
            }
        });
        System.out.println("engine statements per step (short history / 40 more events, " + EXTRA_VARIABLES
                + " more variables): " + shortHistory + " / " + longHistory);
        assertThat(longHistory.keySet()).isEqualTo(shortHistory.keySet());
        shortHistory.forEach((step, statements) -> {
            assertThat(statements).as(step + " is counted").isPositive();
            // the approved closure ends the process, and the engine deletes its runtime variables one by one:
            // one statement more for each variable, and nothing else more
            long allowed = "approveClosure".equals(step) ? statements + EXTRA_VARIABLES : statements;
            assertThat(longHistory.get(step)).as(step).isLessThanOrEqualTo(allowed);
        });
    }

    private Map<String, Long> engineStatementsPerStep(EngineStatements counter, String party,
            Consumer<ProcessInstance> beforeTheSteps) {
        ProcessInstance instance = filedCase(party);
        beforeTheSteps.accept(instance);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, Object>> step : penaltyPath(party).entrySet()) {
            counts.put(step.getKey(), counter.during(() -> complete(instance, step.getKey(), step.getValue())));
        }
        return counts;
    }

    private static Map<String, Map<String, Object>> penaltyPath(String party) {
        Map<String, Map<String, Object>> steps = new LinkedHashMap<>();
        steps.put("investigate", Map.of("investigator1", "xfhandler1", "investigator2", "xfhandler2",
                "investigationFindings", "询问当事人，制作询问笔录"));
        steps.put("investigationReport", Map.of("facts", "当事人驾驶车辆载客收费", "legalBasis", "《道路运输条例》第六十三条",
                "proposedOutcome", "penalty", "partyType", "citizen", "violationCode", "LZ-CX", "proposedFine", 2000));
        steps.put("issueNotice", Notices.served(TODAY));
        steps.put("statementAndRecheck", Map.of("statementMade", true, "statementSummary", "当事人对事实无异议",
                "recheckConclusion", "当事人未提出新的事实", "finalFine", 2000));
        steps.put("decidePenalty", Map.of("headDecision", "approve"));
        steps.put("serveDecision", Map.of("serviceMethod", "direct", "servedOn", TODAY.toString(), "recipient", party,
                "receiptSignature", "signed"));
        steps.put("recordPayment", Map.of("paymentOutcome", "paid", "paidOn", TODAY.toString(), "amountPaid", 2000));
        steps.put("closeCase", Map.of("closureReport", "罚款已缴纳，案件执行完毕"));
        steps.put("approveClosure", Map.of("closureDecision", "approve"));
        return steps;
    }

    /**
     * Counts the engine's MyBatis statements (each select, and each insert, update or delete, batched or not) made
     * on the counting thread. Installed once into the shared engine; it counts nothing unless asked.
     */
    @Intercepts({
            @Signature(type = Executor.class, method = "update", args = {MappedStatement.class, Object.class}),
            @Signature(type = Executor.class, method = "query",
                    args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class}),
            @Signature(type = Executor.class, method = "query", args = {MappedStatement.class, Object.class,
                    RowBounds.class, ResultHandler.class, CacheKey.class, BoundSql.class})})
    static final class EngineStatements implements Interceptor {
        private final ThreadLocal<long[]> counting = new ThreadLocal<>();

        /** The counter of this engine, added to its session factory the first time one is asked for. */
        static synchronized EngineStatements installedIn(ProcessEngine engine) {
            org.apache.ibatis.session.Configuration mybatis = ((ProcessEngineConfigurationImpl)
                    engine.getProcessEngineConfiguration()).getSqlSessionFactory().getConfiguration();
            for (Interceptor interceptor : mybatis.getInterceptors()) {
                if (interceptor instanceof EngineStatements installed) {
                    return installed;
                }
            }
            EngineStatements counter = new EngineStatements();
            mybatis.addInterceptor(counter);
            return counter;
        }

        long during(Runnable work) {
            long[] count = new long[1];
            counting.set(count);
            try {
                work.run();
            } finally {
                counting.remove();
            }
            return count[0];
        }

        @Override
        public Object intercept(Invocation invocation) throws Throwable {
            long[] count = counting.get();
            if (count != null) {
                count[0]++;
            }
            return invocation.proceed();
        }

        @Override
        public void setProperties(Properties properties) {
            // no settings
        }
    }

    private Map<String, Long> statementsPerStep(String party, Consumer<ProcessInstance> beforeTheSteps) {
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
        ProcessInstance instance = filedCase(party);
        beforeTheSteps.accept(instance);
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, Map<String, Object>> steps = penaltyPath(party);
        for (Map.Entry<String, Map<String, Object>> step : steps.entrySet()) {
            statistics.clear();
            complete(instance, step.getKey(), step.getValue());
            counts.put(step.getKey(), statistics.getPrepareStatementCount());
        }
        return counts;
    }
}
