package se.samverkan.handover;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import se.samverkan.engine.SwedishWorkingDays;
import se.samverkan.notification.MailOutbox;
import se.samverkan.notification.TaskLinks;
import se.samverkan.organisation.Organisation;
import se.samverkan.security.WebSessions;
import se.samverkan.engine.AfterReady;

@Configuration
class HandoverConfiguration {

  @Bean
  FunctionMembers functionMembers(ProcessEngine engine) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    return new FunctionMembers(engine.getIdentityService(), configuration.getDataSource(), configuration.getDatabaseTablePrefix());
  }

  @Bean
  OpenWorkReport openWorkReport(TaskService taskService, RuntimeService runtimeService,
      RepositoryService repositoryService, TaskLinks links, SwedishWorkingDays workingDays) {
    return new OpenWorkReport(taskService, runtimeService, repositoryService, links, workingDays.zone());
  }

  @Bean
  MembershipReconciler membershipReconciler(Organisation organisation, FunctionMembers members, TaskService taskService,
      RuntimeService runtimeService, HistoryService historyService, AuthorizationService authorizationService,
      OpenWorkReport report, JdbcTemplate jdbc) {
    return new MembershipReconciler(organisation, members, taskService, runtimeService, historyService,
        authorizationService, report, jdbc);
  }

  @Bean
  VacancyMonitor vacancyMonitor(Organisation organisation, FunctionMembers members, TaskService taskService,
      RuntimeService runtimeService, OpenWorkReport report, AuthorizationService authorizationService) {
    return new VacancyMonitor(organisation, members, taskService, runtimeService, report, authorizationService);
  }

  @Bean
  FunctionReconciliation functionReconciliation(MembershipReconciler reconciler, VacancyMonitor vacancies,
      PlatformTransactionManager transactionManager, JdbcTemplate jdbc, AfterReady afterReady, WebSessions sessions) {
    return new FunctionReconciliation(reconciler, vacancies, transactionManager, jdbc, afterReady, sessions);
  }

  @Bean
  StaffingReport staffingReport(Organisation organisation, FunctionMembers members, MailOutbox outbox, TaskLinks links) {
    return new StaffingReport(organisation, members, outbox, links);
  }
}
