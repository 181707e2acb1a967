package se.samverkan.errors;

import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ErrorMessagesConfiguration {

  @Bean
  ResourceConfigCustomizer swedishErrorMessages() {
    return config -> config.register(SwedishErrorMessages.class);
  }
}
