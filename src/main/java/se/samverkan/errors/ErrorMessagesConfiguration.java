package se.samverkan.errors;

import jakarta.servlet.ServletRegistration;
import org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappInitializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One error mapping ({@link ErrorMapping#PROVIDERS}) for both doors into the engine's REST
 * resources: /engine-rest (Spring Boot's Jersey application, customised here) and the webapps'
 * engine API /camunda/api/engine (Tasklist and Cockpit call it; Camunda's webapp starter registers
 * it as the servlet "Engine Api", a Jersey ServletContainer for EngineRestApplication, which no
 * ResourceConfigCustomizer reaches).
 */
@Configuration(proxyBeanMethods = false)
class ErrorMessagesConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(ErrorMessagesConfiguration.class);

  /** The servlet name CamundaBpmWebappInitializer gives the webapps' engine API. */
  static final String WEBAPP_ENGINE_API = "Engine Api";
  /** Jersey's ServerProperties.PROVIDER_CLASSNAMES, honoured for an Application class as well. */
  static final String PROVIDER_CLASSNAMES = "jersey.config.server.provider.classnames";

  @Bean
  ResourceConfigCustomizer swedishErrorMessages() {
    return config -> ErrorMapping.PROVIDERS.forEach(config::register);
  }

  /**
   * Adds our providers to the webapps' engine API servlet right after Camunda's initializer has
   * registered it. Camunda's initializer has no order and a servlet registration cannot be changed
   * from a listener, so it is wrapped: the same initializer, then our init parameter.
   */
  @Bean
  static BeanPostProcessor webappEngineApiErrorMapping() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof CamundaBpmWebappInitializer camunda) {
          return (ServletContextInitializer) servletContext -> {
            camunda.onStartup(servletContext);
            addProviders(servletContext.getServletRegistration(WEBAPP_ENGINE_API));
          };
        }
        return bean;
      }
    };
  }

  static void addProviders(ServletRegistration engineApi) {
    if (engineApi == null) {
      LOG.warn("No servlet '{}' (Camunda webapps): its error answers stay Camunda's", WEBAPP_ENGINE_API);
      return;
    }
    if (!engineApi.setInitParameter(PROVIDER_CLASSNAMES, ErrorMapping.providerClassNames())) {
      throw new IllegalStateException("The servlet '" + WEBAPP_ENGINE_API + "' already has " + PROVIDER_CLASSNAMES
          + " = " + engineApi.getInitParameter(PROVIDER_CLASSNAMES) + "; Samverkan's error mapping cannot be added");
    }
  }
}
