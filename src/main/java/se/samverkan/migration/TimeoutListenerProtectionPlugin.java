package se.samverkan.migration;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.bpmn.helper.BpmnProperties;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.TimerDeclarationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Keeps the reminder and escalation timers (timeout task listeners) of a cached process definition
 * intact when running instances migrate to it.
 *
 * <p>Camunda 7.24's migration (ActivityInstanceJobHandler) copies the target scope's timeout-listener
 * declarations with a shallow {@code new HashMap<>(…)} and then removes each migrated timer from the
 * inner map, which is the cached definition's own: after one migrated task with a reminder, every new
 * task of that step on that node is created without its reminder and escalation until the node
 * restarts, and the next instance migrated on that node loses its timers (camunda-bpm-platform issues
 * 4633 and 4637, closed unfixed). This parse listener hands the engine the declarations as a map whose
 * every read yields fresh copies of the inner maps, so the migration's removals touch only its own
 * copy. It works where the definition is parsed, i.e. on every node (each parses its own cache from
 * the database, with this plugin), whichever node runs a migration batch job; nothing shared is
 * mutated, so concurrent migration jobs on one node cannot race on it either.
 */
public class TimeoutListenerProtectionPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        protect(processDefinition);
      }
    });
  }

  static void protect(ScopeImpl scope) {
    Map<String, Map<String, TimerDeclarationImpl>> declarations =
        scope.getProperties().get(BpmnProperties.TIMEOUT_LISTENER_DECLARATIONS);
    if (declarations != null && !(declarations instanceof CopiedOnRead)) {
      scope.getProperties().set(BpmnProperties.TIMEOUT_LISTENER_DECLARATIONS, new CopiedOnRead(declarations));
    }
    for (ActivityImpl activity : scope.getActivities()) {
      protect(activity);
    }
  }

  /** Per activity id the declarations by listener id; every read hands out a copy of the inner map. */
  static final class CopiedOnRead extends AbstractMap<String, Map<String, TimerDeclarationImpl>> {

    private final Map<String, Map<String, TimerDeclarationImpl>> declarations = new LinkedHashMap<>();

    CopiedOnRead(Map<String, Map<String, TimerDeclarationImpl>> parsed) {
      parsed.forEach((activityId, byListener) -> declarations.put(activityId, Map.copyOf(byListener)));
    }

    @Override
    public Set<Entry<String, Map<String, TimerDeclarationImpl>>> entrySet() {
      return new AbstractSet<>() {
        @Override
        public Iterator<Entry<String, Map<String, TimerDeclarationImpl>>> iterator() {
          Iterator<Entry<String, Map<String, TimerDeclarationImpl>>> entries = declarations.entrySet().iterator();
          return new Iterator<>() {
            @Override
            public boolean hasNext() {
              return entries.hasNext();
            }

            @Override
            public Entry<String, Map<String, TimerDeclarationImpl>> next() {
              Entry<String, Map<String, TimerDeclarationImpl>> entry = entries.next();
              return new SimpleImmutableEntry<>(entry.getKey(), new HashMap<>(entry.getValue()));
            }
          };
        }

        @Override
        public int size() {
          return declarations.size();
        }
      };
    }

    @Override
    public boolean containsKey(Object activityId) {
      return declarations.containsKey(activityId);
    }

    @Override
    public Map<String, TimerDeclarationImpl> get(Object activityId) {
      Map<String, TimerDeclarationImpl> byListener = declarations.get(activityId);
      return byListener == null ? null : new HashMap<>(byListener);
    }
  }
}
