package org.onestop.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.util.xml.Namespace;
import org.springframework.stereotype.Component;

/**
 * Every user task with a Camunda Form ({@code camunda:formRef}) is checked against that form when it completes, by
 * any route (REST complete or submit-form, Tasklist, the Java API), with the validator the start forms use: a
 * required field left out or a value outside an option list refuses the completion with
 * {@link InvalidTaskFormException} (400 through the REST API), and nothing changes. Fields the form hides under a
 * condition are never required (as for start forms). An engine plugin and a parse listener are the engine's only
 * hook for a listener on every task, hence the {@code impl} types, kept to this class.
 */
@Component
class TaskFormCheck extends AbstractProcessEnginePlugin {

    private static final Namespace CAMUNDA = new Namespace("http://camunda.org/schema/1.0/bpmn");

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners();
        if (listeners == null) {
            listeners = new ArrayList<>();
            configuration.setCustomPreBPMNParseListeners(listeners);
        }
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                if (element.attributeNS(CAMUNDA, "formRef") != null) {
                    ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                            .addTaskListener(TaskListener.EVENTNAME_COMPLETE, TaskFormCheck::check);
                }
            }
        });
    }

    static void check(DelegateTask task) {
        // The form is part of the deployment, not of the task's data: whoever may complete the task may have it checked.
        FormSchema schema = Context.getCommandContext().runWithoutAuthorization(() -> {
            try (InputStream form = task.getProcessEngineServices().getFormService().getDeployedTaskForm(task.getId())) {
                return FormSchema.parse(form);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Map<String, Object> answers = new LinkedHashMap<>();
        for (FormField field : schema.fields()) {
            Object value = task.getVariable(field.key());
            answers.put(field.key(), value instanceof Date date ? text(field, date) : value);
        }
        Map<String, String> errors = AnswerValidator.validate(schema, answers).errors();
        if (!errors.isEmpty()) {
            throw new InvalidTaskFormException(errors);
        }
    }

    /** A typed date variable, as the text form-js would have sent for the field. */
    private static String text(FormField field, Date date) {
        OffsetDateTime at = date.toInstant().atOffset(ZoneOffset.UTC);
        return switch (field.subtype() == null ? "datetime" : field.subtype()) {
            case "date" -> at.toLocalDate().toString();
            case "time" -> at.toLocalTime().toString();
            default -> at.toString();
        };
    }
}
