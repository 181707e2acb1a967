package se.samverkan.tasklist;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.samverkan.engine.EveryUserTaskPlugin;

@Configuration
class TasklistConfiguration {

  /** The columns of Tasklist's lists on every user task (ListColumns). */
  @Bean
  EveryUserTaskPlugin listColumnsPlugin() {
    return new EveryUserTaskPlugin(new ListColumns());
  }
}
