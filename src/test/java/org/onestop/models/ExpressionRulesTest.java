package org.onestop.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The expression rules on their own: what a model's ${...} may reach, decided without an engine. */
class ExpressionRulesTest {

    private final ExpressionRules rules = new ExpressionRules(Set.of("assignCase", "closeCase"),
            Set.of("identityService", "processEngine", "caseService", "clock"));

    private List<String> problems(String expression) {
        return rules.check(expression).stream().map(ExpressionRules.Finding::problem).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "${departmentGroup}", "#{departmentGroup}", "${not satisfied}", "${size == 'large' && hazard}",
            "${assessmentOutcome != 'shut-off-repair'}", "${empty resolutionNote}", "${count + 1 > 3 ? 'many' : 'few'}",
            "${decisionResult[0].departmentGroup}", "${answers['size']}", "${order.items[2].price * 1.13}",
            "${assignCase}", "${closeCase.summary(reference, 'closed')}", "${currentUser()}", "${currentUserGroups()}",
            "${now()}", "${dateTime()}", "${x eq 'a' or y ne 'b' and not (z lt 3)}", "${-amount div 2 mod 5}",
            "${note == '${identityService}'}", "${'execution.getVariable(\"x\")'}", "${authenticatedUserId}",
            "${a ? b : (now())}", "${size >= 1.5e3 || size <= .5}"})
    void allowed(String expression) {
        assertThat(problems(expression)).as(expression).isEmpty();
    }

    @Test
    void aBeanThatIsNotAModelBeanIsRefusedAsSuch() {
        assertThat(problems("${identityService.createMembership('owner','camunda-admin')}"))
                .containsExactly("'identityService' is not a bean models may use");
        assertThat(problems("${processEngine}")).containsExactly("'processEngine' is not a bean models may use");
        assertThat(problems("${x == caseService.find(1)}")).containsExactly("'caseService' is not a bean models may use");
        assertThat(rules.check("${clock}").get(0).fix()).contains("assignCase, closeCase");
    }

    @ParameterizedTest
    @ValueSource(strings = {"execution", "task", "caseExecution", "variableScope", "externalTask"})
    void theEngineItselfIsNeverReachable(String root) {
        assertThat(problems("${" + root + ".getProcessEngineServices().getIdentityService()}"))
                .containsExactly("'" + root + "' hands the model the engine itself");
        assertThat(problems("${" + root + "}")).containsExactly("'" + root + "' hands the model the engine itself");
        assertThat(problems("${assignCase.run(" + root + ")}")).containsExactly("'" + root + "' hands the model the engine itself");
    }

    @Test
    void variablesAreReadNeverCalled() {
        assertThat(problems("${execution.getVariable('propertyType') == 'city'}")).hasSize(1);
        assertThat(problems("${decisionResult.getSingleResult().priority}"))
                .containsExactly("'getSingleResult(...)' calls a method on the variable 'decisionResult'",
                        "'priority' is taken from the result of a call");
        assertThat(problems("${name.toUpperCase()}")).containsExactly("'toUpperCase(...)' calls a method on the variable 'name'");
        assertThat(problems("${list[0].clear()}")).containsExactly("'clear(...)' calls a method on the variable 'list'");
        assertThat(problems("${('a').concat('b')}")).containsExactly("'concat(...)' calls a method on a value");
    }

    @Test
    void reflectionIsRefusedWhereverItIsSpelled() {
        assertThat(problems("${''.getClass().forName('java.lang.Runtime')}"))
                .contains("'getClass' reaches into Java itself", "'getClass(...)' calls a method on a value",
                        "'forName' is taken from the result of a call");
        assertThat(problems("${x.class}")).containsExactly("'class' reaches into Java itself");
        assertThat(problems("${x['class'].name}")).containsExactly("'class' reaches into Java itself");
        assertThat(problems("${x.classLoader}")).containsExactly("'classLoader' reaches into Java itself");
        assertThat(problems("${getClass}")).containsExactly("'getClass' reaches into Java itself");
    }

    @Test
    void aComputedIndexIsRefusedBecauseItCouldSpellClass() {
        assertThat(problems("${x[name].y}")).containsExactly("an index computed at run time can reach any property");
    }

    @Test
    void onlyTheFourBuiltInFunctionsMayBeCalled() {
        assertThat(problems("${exec('rm -rf /')}")).containsExactly("exec() is not a function models may use");
        assertThat(problems("${fn:now()}")).containsExactly("fn:now() is not a function models may use");
        assertThat(problems("${dateTime().plusDays(1)}")).containsExactly("'plusDays' is taken from the result of a call");
        assertThat(problems("${now().time}")).containsExactly("'time' is taken from the result of a call");
    }

    @Test
    void aModelBeanIsNamedOrCalledOnceNothingMore() {
        String once = "a model bean may only be named (${assignCase}) or called once (${assignCase.method(...)})";
        assertThat(problems("${assignCase.delegate}")).containsExactly(once);
        assertThat(problems("${assignCase.execute(x).toString()}")).containsExactly("'toString' is taken from the result of a call");
        assertThat(problems("${assignCase.a.b(x)}")).containsExactly(once);
    }

    @Test
    void quotesHideNamesButNotTheRestOfTheExpression() {
        assertThat(problems("${'identityService' == identityService}")).containsExactly("'identityService' is not a bean models may use");
        assertThat(problems("${\"it\\\"s\" == execution}")).containsExactly("'execution' hands the model the engine itself");
    }

    @ParameterizedTest
    @ValueSource(strings = {"${}", "${a = 1}", "${x -> x}", "${a; b}", "${a +}", "${(a}", "${'open}", "${a b}", "${a instanceof b}",
            "${a += 'b'}", "${identityService"})
    void whatCannotBeReadIsRefused(String expression) {
        assertThat(problems(expression)).as(expression).hasSize(1)
                .allMatch(p -> p.startsWith("OneStop cannot read this expression") || p.equals("the expression is not closed with }"));
    }

    @Test
    void findsEveryExpressionInATextStringsIncluded() {
        assertThat(ExpressionRules.find("Dear ${name}, see #{link('a}b')} and ${x")).containsExactly("${name}", "#{link('a}b')}", "${x");
        assertThat(ExpressionRules.find("no expressions, only $ and { and }")).isEmpty();
    }

    @Test
    void aDelegateIsExactlyOneBeanName() {
        assertThat(ExpressionRules.beanReference("${assignCase}")).isEqualTo("assignCase");
        assertThat(ExpressionRules.beanReference(" ${ assignCase } ")).isEqualTo("assignCase");
        assertThat(ExpressionRules.beanReference("${assignCase.x}")).isNull();
        assertThat(ExpressionRules.beanReference("assignCase")).isNull();
        assertThat(ExpressionRules.beanReference("${a}${b}")).isNull();
    }
}
